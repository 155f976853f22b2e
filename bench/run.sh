#!/usr/bin/env bash
# Measures the Release build on loopback with wrk: each public page next to Kestrel serving the very
# same bytes as a static file, in the same run, so the result is a ratio that holds on a noisy
# machine. Then 10,000 toolkit resources: import throughput, listing and search latency, peak
# memory and start-up time. Usage: bash bench/run.sh   (needs wrk: apt-get install wrk)
# WARMUP and DURATION (seconds) shorten or lengthen each step, SETTLE the unmeasured run before the
# uncached pages (60); CONNECTIONS defaults to 32.
set -euo pipefail
cd "$(dirname "$0")/.."

WARMUP=${WARMUP:-20}
DURATION=${DURATION:-20}
SETTLE=${SETTLE:-60}
CONNECTIONS=${CONNECTIONS:-32}
PORT=${PORT:-5300}
BASE="http://127.0.0.1:${PORT}"

work=$(mktemp -d)
trap 'kill "${site_pid:-0}" 2>/dev/null || true; wait "${site_pid:-0}" 2>/dev/null || true; rm -rf "$work" || true' EXIT

dotnet tool restore >/dev/null
echo "# Publishing the Release build"
dotnet publish src/JobQuality.Web -c Release -o "$work/app" --nologo -v quiet >/dev/null

export ASPNETCORE_ENVIRONMENT=Production
export ConnectionStrings__JobQuality="Data Source=$work/bench.db"
export Content__Path="$PWD/content"
export Benchmark__StaticPath="$work/static"
export Serilog__MinimumLevel__Default=Warning
export RateLimits__Registrations__PermitLimit=1000000
mkdir -p "$work/static"

start_site() {
    local started
    started=$(date +%s%N)
    (cd "$work/app" && exec dotnet JobQuality.Web.dll --urls "$BASE") > "$work/site.log" 2>&1 &
    site_pid=$!
    until curl -sf "$BASE/" >/dev/null; do sleep 0.05; done
    echo "start-up to first page: $(( ($(date +%s%N) - started) / 1000000 )) ms"
    # Ready: the site has rendered one page of each kind for itself and /health answers 200.
    until curl -sf "$BASE/health" >/dev/null; do sleep 0.05; done
    echo "start-up to ready (/health 200): $(( ($(date +%s%N) - started) / 1000000 )) ms"
}

peak_memory() { awk '/VmHWM/ { printf "%d MB", $2 / 1024 } /RssAnon|RssFile|RssShmem/ { parts = parts sprintf(", %s %d MB", $1, $2 / 1024) } END { printf " (now%s)", parts }' "/proc/$site_pid/status"; }

measure() { # name url
    local result
    result=$(wrk -t2 -c"$CONNECTIONS" -d"${DURATION}s" --latency "$2" | awk '/Requests\/sec/ { rps = $2 } /^ +99%/ { p99 = $2 } END { printf "%s req/s, p99 %s", rps, p99 }')
    echo "$result"
}

page_vs_static() { # name path
    local name=$1 path=$2 file
    file="$(echo "$name" | tr ' ' '-').html"
    curl -sf "$BASE$path" -o "$work/static/$file"
    wrk -t2 -c"$CONNECTIONS" -d"${WARMUP}s" "$BASE$path" >/dev/null
    wrk -t2 -c"$CONNECTIONS" -d"${WARMUP}s" "$BASE/_static-copy/$file" >/dev/null
    local page static
    page=$(measure "$name" "$BASE$path")
    static=$(measure "$name (static)" "$BASE/_static-copy/$file")
    printf '| %s | `%s` | %s | %s |\n' "$name" "$path" "$page" "$static"
}

echo "# Seed content"
start_site
webinar=$(curl -sf "$BASE/webinars" | grep -o 'href="/webinars/[a-z0-9-]*"' | head -1 | cut -d'"' -f2)
detail=$(curl -sf "$BASE/toolkit" | grep -o 'href="/toolkit/[a-z0-9-]*"' | head -1 | cut -d'"' -f2)
# The same load as the restart below, so the two peaks compare: the static-file comparisons that
# follow serve files from this process too, and add to its peak.
for path in / /toolkit "$detail" "$webinar" "/search?q=wages+scheduling"; do
    wrk -t2 -c"$CONNECTIONS" -d"${DURATION}s" "$BASE$path" >/dev/null
done
echo "peak memory under load of the pages alone, first start: $(peak_memory)"
echo
echo "| page | path | site | same bytes as a static file |"
echo "| --- | --- | --- | --- |"
page_vs_static "home" "/"
page_vs_static "listing" "/toolkit"
page_vs_static "detail" "$detail"
page_vs_static "webinar" "$webinar"
page_vs_static "search" "/search?q=wages+scheduling"
echo
echo "peak memory under load, first start, with the static-file comparisons: $(peak_memory)"
kill "$site_pid"; wait "$site_pid" 2>/dev/null || true

# The first start also imported the seed content, and the libraries that did it (Markdown, the
# sanitiser, YAML) stay loaded. A site started again on its filled database has not loaded them.
echo
echo "# Seed content, started again on the filled database"
start_site
for path in / /toolkit "$detail" "$webinar" "/search?q=wages+scheduling"; do
    wrk -t2 -c"$CONNECTIONS" -d"${DURATION}s" "$BASE$path" >/dev/null
done
echo "peak memory under load, started again: $(peak_memory)"
echo "(bash bench/floor.sh measures the MVC template with individual accounts under the same load)"
kill "$site_pid"; wait "$site_pid" 2>/dev/null || true

# One start says little on a machine whose speed moves by a third within the hour: five of each,
# interleaved, each first start on a new database.
echo
echo "# Start-up to first page, five times each"
first_page_ms() { # database file
    local started pid
    started=$(date +%s%N)
    (cd "$work/app" && ConnectionStrings__JobQuality="Data Source=$1" exec dotnet JobQuality.Web.dll --urls "$BASE") > "$work/start.log" 2>&1 &
    pid=$!
    until curl -sf "$BASE/" >/dev/null; do sleep 0.02; done
    echo $(( ($(date +%s%N) - started) / 1000000 ))
    until curl -sf "$BASE/health" >/dev/null; do sleep 0.05; done
    kill "$pid"; wait "$pid" 2>/dev/null || true
}
median() { tr ' ' '\n' | sort -n | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'; }
firsts=() agains=()
for i in 1 2 3 4 5; do
    rm -f "$work/starts.db"*
    firsts+=("$(first_page_ms "$work/starts.db")")
    agains+=("$(first_page_ms "$work/starts.db")")
done
echo "first start on the seed content: ${firsts[*]} ms (median $(echo "${firsts[*]}" | median) ms)"
echo "started again: ${agains[*]} ms (median $(echo "${agains[*]}" | median) ms)"

echo
echo "# 10,000 toolkit resources"
python3 bench/generate-toolkit.py "$work/generated" 10000
rm -f "$work/bench.db"*
started=$(date +%s%N)
(cd "$work/app" && dotnet JobQuality.Web.dll import "$work/generated" | tail -1)
elapsed=$(( ($(date +%s%N) - started) / 1000000 ))
echo "import of 10,000 files: ${elapsed} ms ($(( 10000 * 1000 / (elapsed > 0 ? elapsed : 1) )) files/s, including process start)"
export Content__Path="$work/generated"
start_site
for path in "/toolkit" "/toolkit?dimension=wages&audience=business" "/search?q=scheduling" "/search?q=living+wage+worksheet"; do
    curl -sf "$BASE$path" >/dev/null
    printf '%s, cached: %s\n' "$path" "$(measure "$path" "$BASE$path")"
done
# Every request a new query (so never from the cache): two words of the generated text, which
# between them are in nearly every one of the 10,000 resources, and a word of its own.
# Each wrk thread gets a number of its own (id), so no two threads ask for the same page.
cat > "$work/threads.lua" <<'LUA'
local threads = 0
function setup(thread)
    threads = threads + 1
    thread:set("id", threads)
end
LUA
{ cat "$work/threads.lua"; cat <<'LUA'; } > "$work/search.lua"
function init(args)
    n = 0
    salt = os.time()
    math.randomseed(salt + id)
    words = {"wage", "floor", "schedule", "notice", "benefit", "leave", "advancement", "training",
             "voice", "survey", "equity", "retention", "turnover", "employer", "board", "college",
             "lender", "investor", "policy", "standard", "living", "family", "hours", "predictable",
             "career", "ladder", "coaching", "supervisor", "safety", "rights"}
end
request = function()
    n = n + 1
    local first, second = words[math.random(#words)], words[math.random(#words)]
    return wrk.format("GET", "/search?q=" .. first .. "+" .. second .. "+q" .. salt .. "t" .. id .. "n" .. n)
end
LUA
# Besides latency, what each page cost the process: bytes allocated and garbage collections, read
# from the runtime's own counters (dotnet-counters, restored from the tool manifest). Unlike
# requests a second, these hardly move when something else on the machine takes the cores.
uncached() { # script connections
    local csv="$work/counters.csv" counters_pid result
    rm -f "$csv"
    dotnet counters collect -p "$site_pid" --counters System.Runtime --refresh-interval 1 --format csv -o "$csv" \
        --duration "$(printf '00:00:%02d:%02d' $(( (DURATION + 3) / 60 )) $(( (DURATION + 3) % 60 )))" >/dev/null 2>&1 &
    counters_pid=$!
    sleep 1
    result=$(wrk -t"$(( $2 < 2 ? 1 : 2 ))" -c"$2" -d"${DURATION}s" --latency -s "$work/$1" "$BASE")
    wait "$counters_pid" || true
    { echo "$result"; cat "$csv" 2>/dev/null; } | awk -F, '
        /Requests\/sec/ { split($0, w, " "); rps = w[2] } /^ +50%/ { split($0, w, " "); p50 = w[2] } /^ +99%/ { split($0, w, " "); p99 = w[2] }
        / requests in / { split($0, w, " "); requests = w[1] }
        /gc\.heap\.total_allocated/ { allocated += $NF } /gc\.collections/ { collections += $NF }
        END { printf "%s req/s, p50 %s, p99 %s", rps, p50, p99; if (requests > 0 && allocated > 0) printf "; per page %d KB allocated, %.1f collections per 1,000 pages", allocated / requests / 1024, collections * 1000 / requests }'
}
# A page never asked before runs code the cached pages do not: the runtime recompiles its hot
# methods, optimised, only after they have run many times, and on 2 cores that takes about half a
# minute of load. Each script first runs SETTLE seconds unmeasured, as on a site up a while.
warm() { wrk -t2 -c"$CONNECTIONS" -d"${SETTLE}s" -s "$work/$1" "$BASE" >/dev/null; }
warm search.lua
printf 'search, uncached, one visitor at a time: %s\n' "$(uncached search.lua 1)"
printf 'search, uncached, %s connections: %s\n' "$CONNECTIONS" "$(uncached search.lua "$CONNECTIONS")"
# Listing pages never asked before: a dimension, a field and a page of the toolkit, each request.
{ cat "$work/threads.lua"; cat <<'LUA'; } > "$work/listing.lua"
function init(args)
    math.randomseed(os.time() + id)
    dimensions = {"wages", "benefits", "scheduling", "legal-rights", "equity-inclusion", "skills-advancement",
                  "supportive-environment", "worker-voice"}
    fields = {"workforce-development", "economic-development", "capital-deployment", "policy", "worker-advocacy",
              "business", "higher-education"}
end
request = function()
    return wrk.format("GET", "/toolkit?dimension=" .. dimensions[math.random(#dimensions)] ..
        "&audience=" .. fields[math.random(#fields)] .. "&page=" .. math.random(100000))
end
LUA
warm listing.lua
printf 'listing, uncached (a new filtered page each request), one visitor at a time: %s\n' "$(uncached listing.lua 1)"
printf 'listing, uncached (a new filtered page each request), %s connections: %s\n' "$CONNECTIONS" "$(uncached listing.lua "$CONNECTIONS")"
echo "peak memory: $(peak_memory)"
