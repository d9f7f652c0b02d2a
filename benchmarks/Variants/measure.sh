#!/usr/bin/env bash
# Start-up, memory, size and load of four NativeAOT builds of one order API (benchmarks/Variants):
#   Bare           the minimal API with no protection (the empty template plus one JSON endpoint)
#   Runtime        protection with runtime middleware (minimal API, AddValidation, antiforgery filter, reflection
#                  sanitizing filter with HtmlSanitizer): what the same protection costs the usual way, with tokens
#   Generated      Bastion's generated [CsrfProtected] endpoint in the default tokenless mode, generated validation and
#                  the parser-free [Sanitize] policies (Text, Reject), UseBastion headers
#   GeneratedHtml  Generated with one [Sanitize(HtmlPolicy.BasicFormatting)] field (HtmlSanitizer + AngleSharp linked)
# Prints two Markdown tables: the measurements, and what each assembly brings to each binary (from the compiler's
# mstat files, via benchmarks/SizeReport). Needs the .NET 10 SDK with NativeAOT prerequisites (gcc, zlib1g-dev), curl
# and wrk (Debian packages). Settings: RUNS (start-ups per variant, default 5), DURATION (wrk, default 10s),
# CONNECTIONS (default 32), OUT (publish folder, default a temp dir), TOP (assemblies listed, default 25).
set -euo pipefail
cd "$(dirname "$0")/../.."
for tool in curl wrk python3; do
  command -v "$tool" >/dev/null || { echo "measure.sh needs '$tool' (apt-get install -y $tool)" >&2; exit 1; }
done
runs=${RUNS:-5}
duration=${DURATION:-10s}
connections=${CONNECTIONS:-32}
out=${OUT:-$(mktemp -d)}
variants=(Bare Runtime Generated GeneratedHtml)

mstats=()
for v in "${variants[@]}"; do
  echo "publishing $v (NativeAOT) ..." >&2
  dotnet publish "benchmarks/Variants/Bastion.Variants.$v" -c Release -o "$out/$v" -v quiet -nologo -p:IlcGenerateMstatFile=true >&2
  mstats+=("$v=benchmarks/Variants/Bastion.Variants.$v/obj/Release/net10.0/linux-x64/native/Bastion.Variants.$v.mstat")
done

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()'; }
body='{"customer":"Ada Lovelace","email":"ada@example.com","website":"https://example.com","notes":"Please deliver to the side door.","signature":"Ada","quantity":3,"price":19.99,"currency":"EUR","address":{"street":"1 Analytical Way","city":"London","zip":"12345"},"lines":[{"sku":"ENG-1","count":1},{"sku":"CARD-2","count":2},{"sku":"GEAR-3","count":3}]}'

declare -A size startup rss rps p99
for v in "${variants[@]}"; do
  bin="$out/$v/Bastion.Variants.$v"
  size[$v]=$(stat -c %s "$bin")
  times=(); mems=()
  for ((i = 0; i < runs; i++)); do
    port=$(free_port)
    start=$(date +%s%N)
    "$bin" --urls "http://127.0.0.1:$port" >/dev/null 2>&1 &
    pid=$!
    for ((t = 0; t < 5000; t++)); do
      curl -sf "http://127.0.0.1:$port/health" >/dev/null 2>&1 && break
      sleep 0.001
    done
    end=$(date +%s%N)
    times+=($(( (end - start) / 1000000 )))
    mems+=($(awk '/VmRSS/ {print $2}' "/proc/$pid/status"))
    kill "$pid"; wait "$pid" 2>/dev/null || true
  done
  startup[$v]=$(printf '%s\n' "${times[@]}" | sort -n | sed -n "$(( (runs + 1) / 2 ))p")
  rss[$v]=$(printf '%s\n' "${mems[@]}" | sort -n | sed -n "$(( (runs + 1) / 2 ))p")

  # Load: a valid protected POST (antiforgery cookie and header from the token endpoint where there is one: Runtime).
  port=$(free_port)
  "$bin" --urls "http://127.0.0.1:$port" >/dev/null 2>&1 &
  pid=$!
  until curl -sf "http://127.0.0.1:$port/health" >/dev/null 2>&1; do sleep 0.01; done
  jar=$(mktemp); lua=$(mktemp --suffix .lua)
  token=""
  if [ "$v" = Runtime ]; then
    token=$(curl -sf -c "$jar" "http://127.0.0.1:$port/bastion/csrf-token" | python3 -c 'import json,sys; print(json.load(sys.stdin)["token"])')
  fi
  cookie=$(awk '$6 == "bastion-csrf" {print $6 "=" $7}' "$jar")
  cat > "$lua" <<LUA
wrk.method = "POST"
wrk.body = '$body'
wrk.headers["Content-Type"] = "application/json"
wrk.headers["Sec-Fetch-Site"] = "same-origin"
wrk.headers["X-CSRF-TOKEN"] = "$token"
wrk.headers["Cookie"] = "$cookie"
LUA
  post() { curl -s -o /dev/null -w '%{http_code}' -X POST -H 'Content-Type: application/json' -H 'Sec-Fetch-Site: same-origin' "$@" "http://127.0.0.1:$port/orders"; }
  status=$(post -H "X-CSRF-TOKEN: $token" -H "Cookie: $cookie" --data "$body")
  [ "$status" = 200 ] || { echo "$v answered $status to the load request" >&2; kill "$pid"; exit 1; }
  # The protection is really on: an invalid order is a 400, a cross-site one a 403, and Runtime refuses one without its
  # token (Bare takes all three).
  invalid=$(post -H "X-CSRF-TOKEN: $token" -H "Cookie: $cookie" --data "${body/\"quantity\":3/\"quantity\":0}")
  crosssite=$(curl -s -o /dev/null -w '%{http_code}' -X POST -H 'Content-Type: application/json' -H 'Sec-Fetch-Site: cross-site' -H 'Origin: http://evil.example' -H "X-CSRF-TOKEN: $token" -H "Cookie: $cookie" --data "$body" "http://127.0.0.1:$port/orders")
  tokenless=$(post --data "$body")
  expected="400 403 200"; [ "$v" = Bare ] && expected="200 200 200"; [ "$v" = Runtime ] && expected="400 200 403"
  [ "$invalid $crosssite $tokenless" = "$expected" ] || { echo "$v answered '$invalid $crosssite $tokenless' to an invalid, a cross-site and a token-less order, expected '$expected'" >&2; kill "$pid"; exit 1; }
  report=$(wrk -t2 -c"$connections" -d"$duration" --latency -s "$lua" "http://127.0.0.1:$port/orders")
  kill "$pid"; wait "$pid" 2>/dev/null || true
  rm -f "$jar" "$lua"
  if grep -q "Non-2xx or 3xx responses" <<<"$report"; then
    echo "$v: wrk saw error responses:" >&2; echo "$report" >&2; exit 1
  fi
  rps[$v]=$(awk '/Requests\/sec/ {print $2}' <<<"$report")
  p99[$v]=$(awk '$1 == "99%" {print $2}' <<<"$report")
done

echo
echo "| variant | binary | start-up to first response (median of $runs) | RSS after it | requests/s ($connections connections, $duration) | p99 latency |"
echo "|---|---:|---:|---:|---:|---:|"
for v in "${variants[@]}"; do
  printf '| %s | %.1f MB (%.2fx Bare) | %s ms (%.2fx) | %.1f MB (%.2fx) | %s (%.2fx Bare) | %s |\n' "$v" \
    "$(echo "${size[$v]} / 1048576" | bc -l)" "$(echo "${size[$v]} / ${size[Bare]}" | bc -l)" \
    "${startup[$v]}" "$(echo "${startup[$v]} / ${startup[Bare]}" | bc -l)" \
    "$(echo "${rss[$v]} / 1024" | bc -l)" "$(echo "${rss[$v]} / ${rss[Bare]}" | bc -l)" \
    "${rps[$v]}" "$(echo "${rps[$v]} / ${rps[Bare]}" | bc -l)" "${p99[$v]}"
done
echo
echo "Generated/Runtime requests/s: $(echo "${rps[Generated]} / ${rps[Runtime]}" | bc -l | cut -c1-4)x"
echo
echo "What each assembly brings to each binary (compiled code and type data, KB; \"(runtime data)\" is metadata, strings and frozen objects):"
echo
dotnet run --project benchmarks/SizeReport -c Release -- "${mstats[@]}" --top "${TOP:-25}"
