-- The request mix of benchmarks/load/run.sh: valid requests of every sample endpoint interleaved with every family of
-- hostile request the guards answer. Each request is sent in turn by each connection; every answer's status is
-- counted per thread and summed in done().
local valid_comment = '{"content":"Hello <b>world</b>","signature":"<i>Ada</i>","author":{"name":"Ada","email":"ada@example.com"},"tags":[{"name":"news"}],"rating":4}'
local json = { ["Content-Type"] = "application/json" }
local function with(base, extra) local h = {} for k, v in pairs(base) do h[k] = v end for k, v in pairs(extra) do h[k] = v end return h end

local form = { ["Content-Type"] = "application/x-www-form-urlencoded" }
local big_header = string.rep("h", 40 * 1024)
local fields = {}
for i = 1, 20 do fields[i] = "f" .. i .. "=x" end
local many_fields = table.concat(fields, "&")
local nested = string.rep('{"author":', 200) .. '1' .. string.rep('}', 200)

requests = {
  -- valid
  { "GET",    "/api/health" },
  { "POST",   "/api/comments", json, valid_comment },
  { "GET",    "/api/comments?order=newest&take=20" },
  { "GET",    "/api/comments/1" },
  { "GET",    "/api/files/welcome.txt" },
  { "DELETE", "/api/comments/999999999" },
  { "GET",    "/" },
  { "GET",    "/api/diagnostics/ping?host=127.0.0.1" },
  -- markup (sanitized, or 400 for the Reject field)
  { "POST",   "/api/comments", json, '{"content":"<img src=x onerror=alert(1)><script>alert(1)</script>","signature":"<a href=\\"javascript:alert(1)\\">x</a>"}' },
  { "POST",   "/api/comments", json, '{"content":"hi","author":{"name":"<svg onload=alert(1)>"}}' },
  -- CSRF: what another site makes a browser send
  { "POST",   "/api/comments", with(json, { ["Sec-Fetch-Site"] = "cross-site", ["Origin"] = "https://evil.example" }), valid_comment },
  { "DELETE", "/api/comments/1", { ["Origin"] = "null" } },
  -- bodies: malformed, wrong type, wrong media type, over the cap, too deep, empty
  { "POST",   "/api/comments", json, '{"content":' },
  { "POST",   "/api/comments", json, '{"content":"hi","rating":"five"}' },
  { "POST",   "/api/comments", { ["Content-Type"] = "text/plain" }, "content=hi" },
  { "POST",   "/api/comments", { ["Content-Type"] = "application/x-www-form-urlencoded" }, "content=hi" },
  { "POST",   "/api/comments", json, '{"content":"' .. string.rep("a", 20 * 1024) .. '"}' },
  { "POST",   "/api/comments", json, nested },
  { "POST",   "/api/comments", json, "" },
  { "POST",   "/api/comments", json, "null" },
  -- validation and parameter pollution
  { "POST",   "/api/comments", json, '{"content":"","rating":9,"tags":[{"name":"Not OK"}]}' },
  { "GET",    "/api/comments?take=10&take=20" },
  { "GET",    "/api/comments?order=1;DROP TABLE comments" },
  { "GET",    "/api/comments?take=-1" },
  { "GET",    "/api/comments/abc" },
  -- paths
  { "GET",    "/api/files/../../etc/passwd" },
  { "GET",    "/api/files/..%2f..%2fetc%2fpasswd" },
  { "GET",    "/api/files/%252e%252e/%252e%252e/etc/passwd" },
  { "GET",    "/api/files/..;/..;/etc/passwd" },
  { "GET",    "/api/files/%EF%BC%8E%EF%BC%8E/secret" },
  { "GET",    "/api/files/welcome.txt%00.png" },
  { "GET",    "/api/files//etc/passwd" },
  { "GET",    "/api/files/C:%5Cwindows%5Cwin.ini" },
  { "GET",    "/api/files/" .. string.rep("a/", 2000) .. "x.txt" },
  -- commands
  { "GET",    "/api/diagnostics/ping?host=127.0.0.1;id" },
  { "GET",    "/api/diagnostics/ping?host=$(id)" },
  { "GET",    "/api/diagnostics/ping?host=-oProxyCommand=id" },
  { "GET",    "/api/diagnostics/ping?host=" .. string.rep("a", 5000) },
  -- server limits
  { "GET",    "/api/health", { ["X-Big"] = big_header } },
  { "GET",    "/api/health?q=" .. string.rep("q", 9000) },
  -- forms (the guestbook): a valid post, a duplicated field, too many fields, a cross-site post, the page
  { "GET",    "/guestbook" },
  { "POST",   "/guestbook/sign", form, "content=Hi <b>there</b>&rating=5" },
  { "POST",   "/guestbook/sign", form, "content=a&content=b" },
  { "POST",   "/guestbook/sign", form, many_fields },
  { "POST",   "/guestbook/sign", with(form, { ["Sec-Fetch-Site"] = "cross-site", ["Origin"] = "https://evil.example" }), "content=forged" },
  -- API keys: none, and one never issued
  { "GET",    "/api/partner/whoami" },
  { "GET",    "/api/partner/whoami", { ["X-Api-Key"] = "bk_nothere_" .. string.rep("x", 43) } },
  -- methods and routes
  { "PUT",    "/api/comments/1", json, valid_comment },
  { "GET",    "/api/nothing-here" },
}

local counter = 0
function request()
  counter = counter + 1
  local r = requests[(counter - 1) % #requests + 1]
  return wrk.format(r[1], r[2], r[3], r[4])
end

local threads = {}
function setup(thread)
  table.insert(threads, thread)
end

function init(args)
  statuses = {}
end

function response(status, headers, body)
  statuses[status] = (statuses[status] or 0) + 1
end

function done(summary, latency, requests_done)
  local total = {}
  for _, thread in ipairs(threads) do
    local s = thread:get("statuses")
    for status, count in pairs(s) do
      total[status] = (total[status] or 0) + count
    end
  end
  local keys = {}
  for status in pairs(total) do table.insert(keys, status) end
  table.sort(keys)
  for _, status in ipairs(keys) do
    io.write(string.format("STATUS %d %d\n", status, total[status]))
  end
  io.write(string.format("ERRORS connect=%d read=%d write=%d timeout=%d status=%d\n",
    summary.errors.connect, summary.errors.read, summary.errors.write, summary.errors.timeout, summary.errors.status))
  io.write(string.format("REQUESTS %d in %.1f s\n", summary.requests, summary.duration / 1e6))
end
