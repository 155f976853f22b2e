#!/usr/bin/env bash
# Holds 64 connections against the Release build on loopback for 60 seconds, on a mix of public
# pages and webinar registrations, and reports errors and memory over time.
# Usage: bash bench/load.sh   (needs wrk: apt-get install wrk). DURATION and CONNECTIONS override;
# SITE_LOG names a file to keep the site's log in (it is deleted with the run's folder otherwise).
set -euo pipefail
cd "$(dirname "$0")/.."

DURATION=${DURATION:-60}
CONNECTIONS=${CONNECTIONS:-64}
PORT=${PORT:-5310}
BASE="http://127.0.0.1:${PORT}"
work=$(mktemp -d)
trap 'kill "${site_pid:-0}" 2>/dev/null || true; wait "${site_pid:-0}" 2>/dev/null || true; rm -rf "$work" || true' EXIT

dotnet publish src/JobQuality.Web -c Release -o "$work/app" --nologo -v quiet >/dev/null
export ASPNETCORE_ENVIRONMENT=Production
export ConnectionStrings__JobQuality="Data Source=$work/load.db"
export Content__Path="$PWD/content"
export Email__PickupDirectory="$work/mail"
export Serilog__MinimumLevel__Default=Warning
# Every request comes from one address here; the per-address limits are tested elsewhere.
export RateLimits__Registrations__PermitLimit=100000000

(cd "$work/app" && exec dotnet JobQuality.Web.dll --urls "$BASE") > "$work/site.log" 2>&1 &
site_pid=$!
until curl -sf "$BASE/health" >/dev/null; do sleep 0.1; done

# One antiforgery cookie and token pair, reused by every registration of the run.
webinar=$(curl -sf "$BASE/webinars" | grep -o 'href="/webinars/[a-z0-9-]*"' | head -1 | cut -d'"' -f2)
curl -sf -c "$work/cookies" "$BASE$webinar" -o "$work/webinar.html"
token=$(grep -o 'name="__RequestVerificationToken" type="hidden" value="[^"]*"' "$work/webinar.html" | head -1 | sed 's/.*value="//; s/"$//')
cookie=$(awk '$6 ~ /antiforgery/ { print $6 "=" $7 }' "$work/cookies")

cat > "$work/mix.lua" <<LUA
local pages = { "/", "/toolkit", "/research", "/exemplars", "/webinars", "$webinar", "/topics/wages", "/search?q=wages" }
local n = 0
-- Each thread draws its own addresses, so every registration is a new one.
init = function(args)
    math.randomseed(os.time() + tonumber(tostring({}):match("0x(%x+)") or "0", 16))
end
request = function()
    n = n + 1
    if n % 10 == 0 then
        local body = "__RequestVerificationToken=$token&Name=Load+Tester&Email=load" .. n .. "." .. math.random(1, 1e9) .. "%40example.org&Consent=true"
        return wrk.format("POST", "$webinar/register", { ["Content-Type"] = "application/x-www-form-urlencoded", ["Cookie"] = "$cookie" }, body)
    end
    return wrk.format("GET", pages[(n % #pages) + 1])
end
LUA

# The machine's load average (runnable processes, 1 minute) says whether anything else competed for the cores.
load_average() { cut -d' ' -f1 /proc/loadavg; }
memory() { awk '/VmRSS/ { printf "%d", $2 / 1024 }' "/proc/$site_pid/status"; }
echo "memory before: $(memory) MB; machine load average: $(load_average) on $(nproc) cores"
( t=0; for _ in $(seq 1 $((DURATION / 10))); do sleep 10; t=$((t + 10)); echo "memory after ${t} s: $(memory) MB"; done ) &
sampler=$!
wrk -t2 -c"$CONNECTIONS" -d"${DURATION}s" --latency -s "$work/mix.lua" "$BASE"
wait "$sampler" || true
echo "machine load average after the run: $(load_average)"
echo "registrations stored: $(sqlite3 "$work/load.db" 'select count(*) from Registrations' 2>/dev/null || echo 'install sqlite3 to count')"
# Each registration's mail is written with it: one per registration, to its address, none lost.
echo "registrations without exactly one mail of their own: $(sqlite3 "$work/load.db" 'select count(*) from Registrations r where (select count(*) from OutboxMessages m where m.RegistrationId = r.Id and m.Recipient = r.Email) <> 1' 2>/dev/null || echo '?')"
echo "journal mode: $(sqlite3 "$work/load.db" 'pragma journal_mode' 2>/dev/null || echo '?')"
echo "mails sent / still queued: $(sqlite3 -separator ' / ' "$work/load.db" 'select count(SentAt), count(*) - count(SentAt) from OutboxMessages' 2>/dev/null || echo '?')"
# The mail sender yields to registrations during the run; see how long the queue takes to empty after it.
queued() { sqlite3 "$work/load.db" 'select count(*) from OutboxMessages where SentAt is null' 2>/dev/null || echo 0; }
drained=0
while [ "$(queued)" -gt 0 ] && [ "$drained" -lt 300 ]; do sleep 1; drained=$((drained + 1)); done
echo "mails still queued ${drained} s after the run: $(queued)"
errors=$(grep -c '"@l":"\(Error\|Fatal\)"' "$work/site.log" || true)
warnings=$(grep -c '"@l":"Warning"' "$work/site.log" || true)
echo "errors logged by the site: $errors (warnings: $warnings)"
# The first few, whole, so that a failure says what it was and not only that it happened.
grep '"@l":"\(Error\|Fatal\|Warning\)"' "$work/site.log" | head -5 | cut -c1-2000 || true
if [ -n "${SITE_LOG:-}" ]; then cp "$work/site.log" "$SITE_LOG"; fi
