#!/usr/bin/env bash
# Runs the whole test suite. The tests start their own throwaway PostgreSQL from the machine's binaries
# (or use the server named by TEST_DATABASE_URL), so the only prerequisite is PostgreSQL's server package;
# promtool and Chromium are installed too when possible, for the observability tests, and Redocly's CLI for the
# OpenAPI lint.
set -euo pipefail
cd "$(dirname "$0")/.."

have_postgres() {
  compgen -G "/usr/lib/postgresql/*/bin/initdb" >/dev/null || command -v initdb >/dev/null || command -v pg_config >/dev/null
}

if [[ -z "${TEST_DATABASE_URL:-}" ]] && ! have_postgres; then
  if [[ $(id -u) -eq 0 ]] && command -v apt-get >/dev/null; then
    echo "PostgreSQL server binaries not found; installing postgresql and postgresql-contrib" >&2
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql postgresql-contrib >/dev/null
  else
    echo "PostgreSQL server binaries not found: install postgresql (with contrib) or set TEST_DATABASE_URL" >&2
    exit 1
  fi
fi

# Observability tests check /metrics with promtool and drive /dashboard in headless Chromium; they skip
# when the tools are missing, so install them where we can.
if ! command -v promtool >/dev/null || ! command -v chromium >/dev/null; then
  if [[ $(id -u) -eq 0 ]] && command -v apt-get >/dev/null; then
    echo "promtool or chromium not found; installing prometheus and chromium" >&2
    { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq prometheus chromium >/dev/null; } \
      || echo "installing prometheus and chromium failed; the observability tests that need them will skip" >&2
  else
    echo "promtool or chromium not found: install prometheus and chromium, or the observability tests skip" >&2
  fi
fi

# The OpenAPI lint test runs Redocly's CLI (npm); it skips only when the command is missing, so install it.
if ! command -v redocly >/dev/null; then
  if command -v npm >/dev/null || { [[ $(id -u) -eq 0 ]] && command -v apt-get >/dev/null && apt-get update -qq \
      && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq npm >/dev/null; }; then
    echo "redocly not found; installing @redocly/cli@2.77.0 with npm" >&2
    npm install --global --no-audit --no-fund --loglevel=error @redocly/cli@2.77.0 >/dev/null \
      || echo "installing @redocly/cli failed; the OpenAPI lint test will skip" >&2
  else
    echo "redocly not found and npm is missing: install npm, or the OpenAPI lint test skips" >&2
  fi
fi

dotnet test Commerce.sln --nologo "$@"
