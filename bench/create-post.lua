-- wrk script: every request creates a post as the caller the access token names. FORUM_TOKEN is the token and
-- FORUM_THREAD the thread to post into, as bench/lib.sh's login_token and write_thread print them:
--   FORUM_TOKEN=... FORUM_THREAD=4 wrk -t1 -c1 -d5s -s bench/create-post.lua http://127.0.0.1:PORT/api/posts
local token, thread = os.getenv("FORUM_TOKEN"), os.getenv("FORUM_THREAD")
if not token or token == "" or not thread or not thread:match("^%d+$") then
  io.stderr:write("create-post.lua: set FORUM_TOKEN and FORUM_THREAD (bench/lib.sh: login_token, write_thread)\n")
  os.exit(2)
end
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
wrk.headers["Authorization"] = "Bearer " .. token
wrk.body = '{"thread":' .. thread .. ',"text":"benchmark post"}'
