"""The nginx configuration in front of several server processes or hosts.

``emtihan-server nginx-config --upstream HOST:PORT ...`` prints it (docs/server-ops.md,
"Several processes and hosts"); the scale tests and the load benchmark run nginx with
exactly this text. TLS is left out here: add ``listen 443 ssl`` and the certificate
lines of your site to the ``server`` block.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

TEMPLATE = """\
{user}worker_processes {workers};
error_log {prefix}/error.log warn;
pid {prefix}/nginx.pid;
events {{ worker_connections 4096; }}
http {{
    access_log off;
    client_body_temp_path {prefix}/body;
    proxy_temp_path {prefix}/proxy;
    fastcgi_temp_path {prefix}/fastcgi;
    uwsgi_temp_path {prefix}/uwsgi;
    scgi_temp_path {prefix}/scgi;
    upstream emtihan {{
        least_conn;
{servers}
        keepalive 64;
        keepalive_timeout 4s;   # below uvicorn's 5 s: nginx never reuses a closing connection
    }}
    server {{
        listen {listen};
        client_max_body_size {body_mb}m;
        proxy_http_version 1.1;
        proxy_set_header Connection "";
        proxy_set_header Host $host;
        # one entry, the peer nginx saw: with "trust_forwarded_for": true the server
        # throttles sign-ins by the student's address, not the proxy's
        proxy_set_header X-Forwarded-For $remote_addr;
        proxy_read_timeout 660s;
        # a request is passed to another server only if it was not sent yet (connect
        # error): POST and PATCH are never sent twice by nginx
        proxy_next_upstream error timeout;
        location /v1/uploads {{
            proxy_request_buffering off;    # tus PATCHes stream to the server
            proxy_pass http://emtihan;
        }}
        location / {{
            proxy_pass http://emtihan;
        }}
    }}
}}
"""


def nginx_config(upstreams: Sequence[str], listen: str = "443 ssl", *, prefix: Path | str =
                 "/var/lib/emtihan-nginx", body_mb: int = 65, workers: str = "auto",
                 run_as_root: bool = False) -> str:
    """The config text; ``upstreams`` are ``host:port`` of ``emtihan-server serve``."""
    servers = "\n".join(f"        server {u} max_fails=1 fail_timeout=2s;" for u in upstreams)
    return TEMPLATE.format(user="user root;\n" if run_as_root else "", workers=workers,
                           prefix=prefix, servers=servers, listen=listen, body_mb=body_mb)
