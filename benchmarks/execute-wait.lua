-- wrk script: POST /api/executions?wait=true for one workflow, as one authenticated user.
-- Needs env TOKEN (access token) and WORKFLOW (workflow id). Counts non-200 answers as errors.
local token = os.getenv("TOKEN")
local workflow = os.getenv("WORKFLOW")
wrk.method = "POST"
wrk.path = "/api/executions?wait=true&timeoutMs=30000"
wrk.headers["Content-Type"] = "application/json"
wrk.headers["Authorization"] = "Bearer " .. token
local n = 0
request = function()
  n = n + 1
  local body = string.format('{"workflowId":"%s","inputs":{"topic":"load %d","score":%d}}', workflow, n, n % 10)
  return wrk.format(nil, nil, nil, body)
end
local bad = 0
response = function(status, headers, body)
  if status ~= 200 then
    bad = bad + 1
    if bad <= 3 then io.stderr:write("status " .. status .. ": " .. body:sub(1, 200) .. "\n") end
  end
end
done = function(summary, latency, requests)
  io.write(string.format("p50 %.1f ms, p90 %.1f ms, p99 %.1f ms\n",
    latency:percentile(50) / 1000, latency:percentile(90) / 1000, latency:percentile(99) / 1000))
end
