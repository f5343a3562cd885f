# shellcheck shell=bash
# Sourced by benchmark scripts: the HAProxy configuration of the posts-extracted topology, with the settings
# the local stand-in renders (local-stand-in, HaproxyConfig: mode http, roundrobin, the same timeouts and retry
# rules, the same path ACLs), written here so the benchmarks do not depend on it. No log directive: HAProxy
# logs nothing per request.

# haproxy_posts_config LB_PORT MONOLITH_PORT POSTS_PORT [MONOLITH_MANAGEMENT_PORT POSTS_MANAGEMENT_PORT
#                      [MONOLITH_LB_PORT]]: prints the configuration. HAProxy listens on 127.0.0.1:LB_PORT; /api/posts
# and /api/posts/* go to the posts service on POSTS_PORT, everything else to the monolith on MONOLITH_PORT; both are
# health-checked on /actuator/health/readiness, on their management ports when given (the prod profile's Actuator
# port, as the ALB's target groups check it), else on their application ports. With MONOLITH_LB_PORT, a second
# listener there sends every route to the monolith (the topology before the posts split, behind the same balancer).
haproxy_posts_config() {
  cat <<CFG
global
    maxconn 4096
defaults
    mode http
    option dontlognull
    balance roundrobin
    timeout connect 250ms
    timeout client 60s
    timeout http-request 10s
    timeout http-keep-alive 60s
    timeout server 15s
    timeout queue 5s
    timeout check 1s
    retries 2
    option redispatch 1
    retry-on conn-failure empty-response 503
    default-server inter 2000ms fastinter 1000ms downinter 2000ms rise 2 fall 2
frontend forum
    bind 127.0.0.1:$1
    http-request disable-l7-retry if !METH_GET !METH_HEAD
    acl posts path /api/posts
    acl posts path_reg ^/api/posts/[^?]*\$
    use_backend svc_posts if posts
    default_backend svc_monolith
${6:+frontend monolith_only
    bind 127.0.0.1:$6
    http-request disable-l7-retry if !METH_GET !METH_HEAD
    default_backend svc_monolith
}backend svc_monolith
    option httpchk GET /actuator/health/readiness
    http-check expect status 200
    server monolith-1 127.0.0.1:$2 check port ${4:-$2}
backend svc_posts
    option httpchk GET /actuator/health/readiness
    http-check expect status 200
    server posts-1 127.0.0.1:$3 check port ${5:-$3}
CFG
}
