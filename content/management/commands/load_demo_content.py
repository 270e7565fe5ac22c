"""Fill the database with a believable demo archive: posts in every section with cover photographs,
galleries, charts, PDF reports and Arabic text of real length (the text is in content/seed/demo_content.py).

For trying the site, screenshots and benchmarks; never for a real site. Everything it creates is
marked: the slug starts with `demo-`, the author is «محتوى تجريبي», the summary says so and the body's
first line too. Idempotent: a post whose slug exists is left alone, so a second run creates nothing.
`--remove` deletes the demo posts (those two marks together), their photos, charts and attachments,
and their files and renditions; nothing else.

With DJANGO_DEBUG off (production) it refuses to load unless given `--force`.
"""

import functools
import io
import math
import random
from datetime import timedelta

from django.conf import settings
from django.core.files.base import ContentFile
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django.utils import timezone
from PIL import Image, ImageDraw, ImageFilter

from content.models import Attachment, Chart, Photo, Post, Section
from content.seed import demo_content as text

from .load_party_content import load_party_content

SLUG_PREFIX = "demo-"
COVER_SIZES = [(1600, 1000), (1600, 1067), (1600, 900), (1500, 1000)]
PHOTO_SIZES = [(1200, 800), (1200, 900), (1000, 1250)]
GALLERY_PHOTOS = 8
GALLERY_EVERY = 6  # media posts 1, 7, 13… carry a gallery
# Drawing a picture takes a tenth of a second, its renditions five times more: posts share a few
# dozen pictures, each stored as the post's own file (and so with its own renditions).
PICTURES = 24


def demo_posts():
    """The posts this command created: both marks, so a post staff wrote is never taken for one."""
    return Post.objects.filter(slug__startswith=SLUG_PREFIX, author_ar=text.DEMO_AUTHOR)


def demo_slug(section, index):
    return f"{SLUG_PREFIX}{section}-{index + 1:02d}"


# --- Pictures: landscapes drawn with Pillow, the same for the same seed.

PALETTES = [
    # sky top, sky at the horizon, far land, near land
    ((38, 84, 124), (240, 200, 150), (70, 90, 60), (40, 55, 40)),
    ((120, 170, 210), (235, 235, 225), (180, 150, 100), (120, 95, 60)),
    ((20, 30, 60), (200, 90, 60), (50, 45, 70), (25, 20, 35)),
    ((150, 190, 200), (230, 240, 240), (60, 110, 90), (30, 70, 60)),
    ((90, 120, 160), (250, 220, 170), (140, 110, 80), (90, 60, 40)),
    ((170, 200, 230), (250, 250, 245), (110, 120, 130), (60, 65, 75)),
]


def _mix(a, b, t):
    return tuple(round(x + (y - x) * t) for x, y in zip(a, b, strict=True))


@functools.cache
def landscape(seed, size):
    """A JPEG of hills, sky, a sun and sometimes a town's skyline, with film-like grain so that it
    weighs what a photograph weighs (about 130 KB at 1600×1000)."""
    rng = random.Random(seed)
    width, height = size

    def jitter(colour):
        return tuple(max(0, min(255, v + rng.randint(-18, 18))) for v in colour)

    sky_top, sky_low, land_far, land_near = map(jitter, PALETTES[seed % len(PALETTES)])
    horizon = rng.uniform(0.45, 0.65)
    column = Image.new("RGB", (1, height))
    for y in range(height):
        column.putpixel((0, y), _mix(sky_top, sky_low, min(1, y / (height * horizon))))
    image = column.resize((width, height))
    sx, sy, r = rng.uniform(0.15, 0.85) * width, rng.uniform(0.15, 0.4) * height, rng.uniform(30, 70)
    glow = Image.new("L", (width, height), 0)
    ImageDraw.Draw(glow).ellipse((sx - r * 3, sy - r * 3, sx + r * 3, sy + r * 3), fill=90)
    glow = glow.filter(ImageFilter.GaussianBlur(r * 1.2))
    image = Image.composite(Image.new("RGB", (width, height), (255, 240, 210)), image, glow)
    draw = ImageDraw.Draw(image)
    draw.ellipse((sx - r, sy - r, sx + r, sy + r), fill=(255, 244, 220))
    layers = rng.randint(3, 5)
    for layer in range(layers):
        t = layer / (layers - 1)
        colour = _mix(_mix(land_far, sky_low, 0.45), land_near, t)
        base = height * (horizon + 0.05 + t * (0.95 - horizon) * 0.7)
        if layer == 1 and rng.random() < 0.4:  # a town on the far ridge
            x = 0
            while x < width:
                w, h = rng.randint(20, 70), rng.uniform(0.03, 0.12) * height
                draw.rectangle((x, base - h, x + w, height), fill=_mix(colour, land_near, 0.2))
                if rng.random() < 0.15:  # a minaret
                    draw.rectangle((x + w // 2 - 4, base - h * 2.2, x + w // 2 + 4, base - h), fill=colour)
                x += w + rng.randint(0, 40)
        amplitude = height * rng.uniform(0.03, 0.10) * (1 - t * 0.5)
        phases = [rng.uniform(0, math.tau) for _ in range(3)]
        freqs = [rng.uniform(1, 3), rng.uniform(3, 7), rng.uniform(9, 20)]
        points = [(0, height)]
        for x in range(0, width + 8, 8):
            u = x / width * math.pi
            wave = sum(
                weight * math.sin(u * freq + phase)
                for weight, freq, phase in zip((0.6, 0.3, 0.1), freqs, phases, strict=True)
            )
            points.append((x, base - amplitude * wave))
        points.append((width, height))
        draw.polygon(points, fill=colour)
    half = (width // 2, height // 2)
    noise = Image.frombytes("L", half, rng.randbytes(half[0] * half[1])).resize(size, Image.Resampling.BILINEAR)
    grain = Image.merge("RGB", [noise.filter(ImageFilter.GaussianBlur(0.6))] * 3)
    image = Image.blend(image, grain, 0.07).filter(ImageFilter.SMOOTH)
    buffer = io.BytesIO()
    image.save(buffer, "JPEG", quality=85)
    return buffer.getvalue()


# --- A PDF report, written by hand: a title page in Latin letters (the standard fonts have no Arabic).


def _pdf_text(value):
    return value.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")


def pdf_report(title, pages=3):
    """A small valid PDF 1.4 (objects, cross-reference table, trailer): text and bars on each page."""
    objects = ["<< /Type /Catalog /Pages 2 0 R >>", None, "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"]
    kids = []
    for number in range(1, pages + 1):
        lines = [
            "BT /F1 20 Tf 72 760 Td (" + _pdf_text(title) + ") Tj ET",
            "BT /F1 12 Tf 72 730 Td (National Independence Party - demo report, page " + f"{number} of {pages}) Tj ET",
            "BT /F1 11 Tf 72 700 Td (DEMO CONTENT: sample document generated by load_demo_content.) Tj ET",
        ]
        for bar in range(6):
            height = 40 + ((number * 37 + bar * 53) % 200)
            lines.append(f"0.{2 + bar} 0.4 0.5 rg {90 + bar * 70} 200 50 {height} re f")
        stream = "\n".join(lines).encode("latin-1")
        objects.append(f"<< /Length {len(stream)} >>\nstream\n".encode("latin-1") + stream + b"\nendstream")
        objects.append(
            f"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 3 0 R >> >> "
            f"/Contents {len(objects)} 0 R >>"
        )
        kids.append(f"{len(objects)} 0 R")
    objects[1] = f"<< /Type /Pages /Kids [{' '.join(kids)}] /Count {pages} >>"
    out = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += f"{number} 0 obj\n".encode() + (body if isinstance(body, bytes) else body.encode()) + b"\nendobj\n"
    xref = len(out)
    out += f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode()
    out += b"".join(f"{offset:010d} 00000 n \n".encode() for offset in offsets)
    out += f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n".encode()
    return bytes(out)


# --- Text.


def _words(html):
    return len(html.split())


def body_html(section, index, topic):
    """The post's body: the demo note, an opening for its section, its topic's paragraphs and general
    ones under headings, until it has between about 650 and 1,100 words. Different for every post."""
    rng = random.Random(f"{section}-{index}")
    headings, paragraphs = text.TOPICS[topic]
    topic_paragraphs = paragraphs[:1] + rng.sample(paragraphs[1:], len(paragraphs) - 1)
    general = rng.sample(text.GENERAL[:-1], rng.randint(3, 6))
    others = [name for name in text.TOPICS if name != topic]
    extra = [p for name in rng.sample(others, 2) for p in text.TOPICS[name][1]]
    opening = rng.choice(text.OPENINGS[section]).format(topic=text.TOPIC_NAMES[topic])
    parts = [text.DEMO_NOTE, f"<p>{opening}</p>"]
    parts += [f"<p>{p}</p>" for p in topic_paragraphs[:2]]
    parts.append(f"<h2>{rng.choice(headings)}</h2>")
    parts += [f"<p>{p}</p>" for p in topic_paragraphs[2:]]
    target = rng.randint(650, 1000)
    if _words("".join(parts)) < target:
        parts.append(f"<h2>{rng.choice(text.GENERAL_HEADINGS)}</h2>")
        for paragraph in general + extra:
            if _words("".join(parts)) >= target:
                break
            parts.append(f"<p>{paragraph}</p>")
    if rng.random() < 0.5:
        parts.insert(4, f"<blockquote><p>{topic_paragraphs[0].split('،')[0]}.</p></blockquote>")
    parts.append(f"<p>{text.GENERAL[-1]}</p>")
    return "\n".join(parts)


def post_entry(section, index):
    """(topic, title, summary) of a section's index-th post; past the twelve written, numbered."""
    entries = text.POSTS[section]
    topic, title, summary = entries[index % len(entries)]
    if index >= len(entries):
        title = f"{title} ({index // len(entries) + 1})"
    return topic, title, summary


class Command(BaseCommand):
    help = (
        "Fill the database with a demo archive (posts with photos, galleries, charts, PDFs) for trying "
        "the site and benchmarks. Idempotent; --remove deletes it. Refuses without DJANGO_DEBUG unless --force."
    )

    def add_arguments(self, parser):
        parser.add_argument("--posts-per-section", type=int, default=12, help="Posts in each section (12).")
        parser.add_argument("--force", action="store_true", help="Run even with DJANGO_DEBUG off (production).")
        parser.add_argument("--remove", action="store_true", help="Delete the demo content, and nothing else.")
        parser.add_argument("--dry-run", action="store_true", help="Report what would be done, change nothing.")

    def handle(self, *args, posts_per_section=12, force=False, remove=False, dry_run=False, **options):
        if not settings.DEBUG and not force:
            raise CommandError(
                "DJANGO_DEBUG is off: this looks like a real site, and demo content does not belong there. "
                "Give --force if this database is for a demo or a benchmark."
            )
        if remove:
            return self.remove(dry_run)
        if posts_per_section < 1:
            raise CommandError("--posts-per-section must be at least 1.")
        existing = set(demo_posts().values_list("slug", flat=True))
        wanted = [
            (key, index)
            for index in range(posts_per_section)
            for key in Section.Key.values
            if demo_slug(key, index) not in existing
        ]
        if dry_run:
            self.stdout.write(f"Would create {len(wanted)} demo posts ({len(existing)} exist).")
            return
        created = {"posts": 0, "photos": 0, "charts": 0, "attachments": 0}
        with transaction.atomic():
            if Section.objects.count() < len(Section.Key.values):
                load_party_content()  # the sections come with the party's own text
            now = timezone.now()
            for key, index in wanted:
                self.create_post(key, index, now, created)  # renditions are made as each image is saved
        summary = ", ".join(f"{count} {kind}" for kind, count in created.items())
        self.stdout.write(f"Created {summary} ({len(existing)} demo posts existed).")

    def create_post(self, section, index, now, created):
        topic, title, summary = post_entry(section, index)
        order = index * len(Section.Key.values) + Section.Key.values.index(section)
        seed = order + 1
        picture = seed % PICTURES
        cover = landscape(picture, COVER_SIZES[picture % len(COVER_SIZES)])
        fields = {
            "section_id": section,
            "slug": demo_slug(section, index),
            "title_ar": title,
            "summary_ar": summary + text.SUMMARY_MARK,
            "body_ar": body_html(section, index, topic),
            "author_ar": text.DEMO_AUTHOR,
            "cover_alt_ar": "صورة تجريبية: منظر طبيعي مرسوم لتلال وسماء",
            "status": Post.Status.PUBLISHED,
            # every 2.5 days or so into the past, the sections interleaved
            "published_at": now - timedelta(days=1 + order * 2.5, hours=(order * 7) % 24),
            "featured": index == 0 and section in ("news", "analysis"),
        }
        translation = text.TRANSLATIONS.get((section, index), {})
        if "en" in translation:
            title_en, summary_en = translation["en"]
            fields.update(
                title_en=title_en,
                summary_en=summary_en + text.SUMMARY_MARK_EN,
                body_en=text.DEMO_NOTE_EN + "".join(f"<p>{p}</p>" for p in text.BODY_EN),
                author_en=text.DEMO_AUTHOR_EN,
                cover_alt_en="Demo picture: a drawn landscape of hills and sky",
            )
        if "ckb" in translation:
            title_ckb, summary_ckb = translation["ckb"]
            fields.update(title_ckb=title_ckb, summary_ckb=summary_ckb + text.SUMMARY_MARK_CKB)
            fields.update(author_ckb=text.DEMO_AUTHOR_CKB)
        post = Post(**fields)
        # An unsaved file, as an upload in the admin: validated, stripped of metadata, stored under a random name.
        post.cover_image = ContentFile(cover, name=f"demo-{seed}.jpg")
        post.full_clean()
        post.save()
        created["posts"] += 1
        if section == "media" and index % GALLERY_EVERY == 0:
            for number in range(GALLERY_PHOTOS):
                photo_seed = 1000 + (index // GALLERY_EVERY) * GALLERY_PHOTOS + number
                photo = Photo(
                    post=post,
                    caption_ar=text.PHOTO_CAPTIONS[number % len(text.PHOTO_CAPTIONS)],
                    alt_ar="صورة تجريبية مرسومة",
                    order=number,
                    image=ContentFile(
                        landscape(photo_seed, PHOTO_SIZES[number % len(PHOTO_SIZES)]), name=f"demo-{photo_seed}.jpg"
                    ),
                )
                photo.full_clean()
                photo.save()
                created["photos"] += 1
        if section == "analysis":
            kind, chart_title, labels, names, values, unit, source = text.CHARTS[topic]
            chart = Chart(
                post=post,
                kind=kind,
                title_ar=chart_title,
                labels_ar="\n".join(labels),
                series_names_ar="\n".join(names),
                values="\n".join(values),
                unit_ar=unit,
                source_ar=source,
            )
            chart.full_clean()
            chart.save()
            created["charts"] += 1
        if section == "studies":
            attachment = Attachment(
                post=post,
                title_ar=f"النص الكامل: {title} (محتوى تجريبي)",
                file=ContentFile(pdf_report(f"Demo study {index + 1}: {topic}"), name=f"demo-{seed}.pdf"),
            )
            attachment.full_clean()
            attachment.save()
            created["attachments"] += 1
        return post

    def remove(self, dry_run):
        from sorl.thumbnail import delete as delete_with_thumbnails

        posts = list(demo_posts().prefetch_related("photos", "attachments"))
        if dry_run:
            self.stdout.write(f"Would delete {len(posts)} demo posts.")
            return
        images, files = [], []
        for post in posts:
            images += [post.cover_image] if post.cover_image else []
            images += [photo.image for photo in post.photos.all()]
            files += [attachment.file for attachment in post.attachments.all()]
        with transaction.atomic():
            count = demo_posts().filter(pk__in=[post.pk for post in posts]).delete()[1].get("content.Post", 0)
        for image in images:  # the files go once the rows are gone; renditions with them
            delete_with_thumbnails(image)
        for file in files:
            file.delete(save=False)
        self.stdout.write(f"Deleted {count} demo posts, {len(images)} images and {len(files)} PDFs.")
