"""gunicorn for the party website, behind nginx: `gunicorn -c deploy/gunicorn.conf.py`.

One file for production (deploy/systemd/party-web@.service) and the loopback stack (make stack-up);
what differs comes from the environment:

    GUNICORN_BIND      host:port to listen on                  127.0.0.1:8101
    GUNICORN_WORKERS   processes                               2 × CPUs + 1, at most 8
    GUNICORN_THREADS   threads per process (gthread)           4
    GUNICORN_PIDFILE   where the master writes its pid         none

Django's own settings (DATABASE_URL, REDIS_URL, DJANGO_*) come from the same environment.
Each worker thread keeps one PostgreSQL connection (DATABASE_CONN_MAX_AGE): workers × threads ×
instances must stay well below PostgreSQL's max_connections (100 by default).
"""

import multiprocessing
import os

wsgi_app = "party_site.wsgi:application"
bind = [os.environ.get("GUNICORN_BIND", "127.0.0.1:8101")]

# Threads let a worker wait on PostgreSQL or Redis for one request while serving another, and keep
# nginx's upstream connections alive (the sync worker closes each one).
worker_class = "gthread"
workers = int(os.environ.get("GUNICORN_WORKERS", min(2 * multiprocessing.cpu_count() + 1, 8)))
threads = int(os.environ.get("GUNICORN_THREADS", "4"))

# nginx buffers whole request bodies (admin uploads included) before passing them on, so a slow
# phone never holds a worker; 30 s is then plenty for any page, the CSV export included.
timeout = 30
graceful_timeout = 25
# Longer than nginx's upstream keepalive_timeout (20 s): nginx closes idle connections first.
keepalive = 30
# A worker is replaced after this many requests (a slow leak never grows without bound).
max_requests = 5000
max_requests_jitter = 500
# Heartbeat files in memory, not on a disk that may stall.
worker_tmp_dir = "/dev/shm" if os.path.isdir("/dev/shm") else None  # noqa: S108 - gunicorn uses mkstemp there

# Only nginx on this machine talks to gunicorn: trust its X-Forwarded-* and nobody else's.
forwarded_allow_ips = "127.0.0.1,::1"

# No access log: nginx keeps one without query strings (README, "Privacy"). Errors to stderr (journald).
accesslog = None
errorlog = "-"
loglevel = os.environ.get("GUNICORN_LOG_LEVEL", "warning")
capture_output = True

pidfile = os.environ.get("GUNICORN_PIDFILE") or None
proc_name = "party-web-" + bind[0].rsplit(":", 1)[-1]
