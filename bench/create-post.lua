-- wrk script: every request creates a post (thread 1, user 2 from the tutorial's sample data).
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
wrk.body = '{"thread":1,"text":"benchmark post","user":2}'
