#!/usr/bin/env bash
# A 60 s load run against the NativeAOT sample, mixing valid requests with every family of hostile request
# (benchmarks/load/mix.lua: markup, cross-site posts, malformed/oversized/deep bodies, validation, parameter
# pollution, path traversal in many encodings, command injection, oversized headers and request lines).
# Prints the tallies and exits non-zero when a target is missed: any response >= 500, the process not alive at the end,
# or resident memory growing 10% or more between the 20th and the last second.
# Needs the .NET 10 SDK with NativeAOT prerequisites (gcc, zlib1g-dev), curl, wrk and python3.
# Settings: DURATION (seconds, default 60), CONNECTIONS (default 32), THREADS (default 2), OUT (publish folder).
set -euo pipefail
cd "$(dirname "$0")/../.."
for tool in curl wrk python3; do
  command -v "$tool" >/dev/null || { echo "run.sh needs '$tool' (apt-get install -y $tool)" >&2; exit 1; }
done
duration=${DURATION:-60}
connections=${CONNECTIONS:-32}
threads=${THREADS:-2}
out=${OUT:-$(mktemp -d)}
(( duration >= 30 )) || { echo "DURATION must be at least 30 (memory is compared from the 20th second)" >&2; exit 1; }

echo "publishing the sample (NativeAOT) to $out ..." >&2
dotnet publish samples/Bastion.Samples.Api -c Release -o "$out/app" -v quiet -nologo >&2

# The app runs from a working folder of its own (its SQLite file and uploads/ live there).
work=$(mktemp -d)
cp -r "$out/app/." "$work/"
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()')
(cd "$work" && ASPNETCORE_ENVIRONMENT=Production exec ./Bastion.Samples.Api --urls "http://127.0.0.1:$port" >"$work/app.log" 2>&1) &
pid=$!
cleanup() { kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; rm -rf "$work"; }
trap cleanup EXIT
for ((t = 0; t < 500; t++)); do
  curl -sf "http://127.0.0.1:$port/api/health" >/dev/null 2>&1 && break
  sleep 0.02
done
curl -sf "http://127.0.0.1:$port/api/health" >/dev/null || { echo "the sample did not start:" >&2; cat "$work/app.log" >&2; exit 1; }

# Resident memory once a second while the load runs.
rss_log="$work/rss.log"
( for ((s = 1; s <= duration; s++)); do sleep 1; awk -v s="$s" '/VmRSS/ {print s, $2}' "/proc/$pid/status" 2>/dev/null || true; done ) >"$rss_log" &
sampler=$!

echo "loading http://127.0.0.1:$port for ${duration}s with $connections connections ..." >&2
wrk_out="$work/wrk.txt"
wrk -t"$threads" -c"$connections" -d"${duration}s" --timeout 10s -s benchmarks/load/mix.lua "http://127.0.0.1:$port" >"$wrk_out" 2>&1 || true
wait "$sampler" || true

alive=yes
kill -0 "$pid" 2>/dev/null && curl -sf "http://127.0.0.1:$port/api/health" >/dev/null || alive=no
rss20=$(awk '$1 == 20 {print $2}' "$rss_log")
rss_end=$(tail -n 1 "$rss_log" | awk '{print $2}')
growth=$(python3 -c "print(f'{(int($rss_end) - int($rss20)) * 100 / int($rss20):.1f}')")
server_errors=$(awk '$1 == "STATUS" && $2 >= 500 {n += $3} END {print n + 0}' "$wrk_out")
total=$(awk '$1 == "STATUS" {n += $3} END {print n + 0}' "$wrk_out")

echo
echo "| status | responses |"
echo "|---|---|"
awk '$1 == "STATUS" {printf "| %s | %s |\n", $2, $3}' "$wrk_out"
echo
grep -E '^(REQUESTS|ERRORS)' "$wrk_out" | sed 's/^/    /'
grep -E 'Requests/sec' "$wrk_out" | sed 's/^/    /'
echo
echo "responses: $total; >= 500: $server_errors; process alive at the end: $alive"
echo "resident memory: ${rss20} kB at 20 s, ${rss_end} kB at ${duration} s (growth ${growth}%)"
if grep -q "Unhandled\|fail:" "$work/app.log"; then
  echo "the app logged failures:"; grep -m 5 -A 3 "Unhandled\|fail:" "$work/app.log"
fi

failed=0
(( server_errors == 0 )) || { echo "MISSED: $server_errors responses >= 500" >&2; failed=1; }
[[ $alive == yes ]] || { echo "MISSED: the process is not alive" >&2; failed=1; }
python3 -c "import sys; sys.exit(0 if $growth < 10 else 1)" || { echo "MISSED: memory grew ${growth}% (target < 10%)" >&2; failed=1; }
(( total > 0 )) || { echo "MISSED: no responses counted" >&2; failed=1; }
exit $failed
