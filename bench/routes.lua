-- wrk script: cycles through the paths given after `--`, one per request (a warm-up over several routes).
--   wrk -t1 -c8 -d10s -s bench/routes.lua http://127.0.0.1:PORT -- /api/users /api/users/1
local paths, i = {}, 0
function init(args)
  for _, p in ipairs(args) do paths[#paths + 1] = p end
  if #paths == 0 then paths[1] = "/" end
end
function request()
  i = i % #paths + 1
  return wrk.format("GET", paths[i])
end
