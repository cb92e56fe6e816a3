-- wrk script: POST a chat completion, to the provider directly or through the gateway's /v1 door.
-- Env: CHAT_PATH (default /v1/chat/completions), AUTH (an "Authorization" value, optional),
-- MODEL (default openai/gpt-4o-mini: that exact model, so the router does not fall back).
-- Prints one machine-readable line: "RESULT <req/s> <p50 ms> <p99 ms> <non-2xx> <socket errors>".
local auth = os.getenv("AUTH")
wrk.method = "POST"
wrk.path = os.getenv("CHAT_PATH") or "/v1/chat/completions"
wrk.headers["Content-Type"] = "application/json"
if auth and auth ~= "" then wrk.headers["Authorization"] = auth end
wrk.body = string.format(
  '{"model":"%s","messages":[{"role":"user","content":"Say hi"}]}',
  os.getenv("MODEL") or "openai/gpt-4o-mini")
local bad = 0
response = function(status, headers, body)
  if status ~= 200 then
    bad = bad + 1
    if bad <= 3 then io.stderr:write("status " .. status .. ": " .. body:sub(1, 300) .. "\n") end
  end
end
done = function(summary, latency, requests)
  local e = summary.errors
  io.write(string.format("RESULT %.1f %.3f %.3f %d %d\n",
    summary.requests / (summary.duration / 1e6),
    latency:percentile(50) / 1000, latency:percentile(99) / 1000,
    e.status, e.connect + e.read + e.write + e.timeout))
end
