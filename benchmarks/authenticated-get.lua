-- wrk script: an authenticated GET through the gateway. Needs env TOKEN and PATH_TO_GET.
wrk.method = "GET"
wrk.path = os.getenv("PATH_TO_GET")
wrk.headers["Authorization"] = "Bearer " .. os.getenv("TOKEN")
local bad = 0
response = function(status, headers, body)
  if status ~= 200 then
    bad = bad + 1
    if bad <= 3 then io.stderr:write("status " .. status .. ": " .. body:sub(1, 200) .. "\n") end
  end
end
done = function(summary, latency, requests)
  io.write(string.format("p50 %.2f ms, p99 %.2f ms, non-200: %d\n",
    latency:percentile(50) / 1000, latency:percentile(99) / 1000, summary.errors.status))
end
