#!/usr/bin/env bash
# The Nu HTML Checker for tests/test_html_valid.py: Java from Debian (if `java` is missing) and the
# npm package vnu-jar in .tools/vnu (git-ignored). Non-interactive; safe to run again.
set -euo pipefail
cd "$(dirname "$0")/.."
VNU_VERSION=26.9.27
need=()
command -v java >/dev/null 2>&1 || need+=(default-jre-headless)
command -v npm >/dev/null 2>&1 || need+=(npm)
if [ ${#need[@]} -gt 0 ]; then
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
fi
jar=.tools/vnu/node_modules/vnu-jar/build/dist/vnu.jar
if [ ! -f "$jar" ] || ! grep -q "\"version\": \"${VNU_VERSION}\"" .tools/vnu/node_modules/vnu-jar/package.json; then
  mkdir -p .tools/vnu
  # --ignore-scripts: the package's own install step would fetch a Java build from elsewhere.
  (cd .tools/vnu && npm install --no-audit --no-fund --silent --ignore-scripts --no-save "vnu-jar@${VNU_VERSION}")
fi
echo "Nu HTML Checker: $jar"
