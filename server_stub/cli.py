"""``emtihan-server``: init, serve, publish, roster import, tokens create/revoke, export,
purge, hold set/clear/list, decisions release/withdraw."""

from __future__ import annotations

import argparse
import logging
import os
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from exam_packages.errors import EmtihanError

from .config import init_data_dir

if TYPE_CHECKING:
    from .service import ExamService


def _parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="emtihan-server", description="Emtihan exam server")
    sub = p.add_subparsers(dest="cmd", required=True)
    init = sub.add_parser("init", help="create the data dir: db, signing key (0600), config")
    init.add_argument("--data", required=True, type=Path)
    serve = sub.add_parser("serve", help="run the HTTP server")
    serve.add_argument("--data", required=True, type=Path)
    serve.add_argument("--host", default="127.0.0.1")
    serve.add_argument("--port", type=int, default=8765)
    serve.add_argument("--workers", type=int, default=1,
                       help="server processes sharing the port (all state is in the database)")
    pub = sub.add_parser("publish", help="publish an exam package")
    pub.add_argument("package", type=Path)
    pub.add_argument("--data", required=True, type=Path)
    pub.add_argument("--content-key", type=Path, default=None)
    roster = sub.add_parser("roster", help="roster commands")
    rsub = roster.add_subparsers(dest="roster_cmd", required=True)
    rimp = rsub.add_parser("import", help="import student_id,name,access_code[,extra_time_s]")
    rimp.add_argument("csv", type=Path)
    rimp.add_argument("--exam", required=True)
    rimp.add_argument("--data", required=True, type=Path)
    tokens = sub.add_parser("tokens", help="token commands")
    tsub = tokens.add_subparsers(dest="tokens_cmd", required=True)
    tcreate = tsub.add_parser("create", help="create an invigilator/admin bearer token")
    tcreate.add_argument("--role", required=True, choices=["invigilator", "admin"])
    tcreate.add_argument("--ttl-h", type=int, default=24)
    tcreate.add_argument("--data", required=True, type=Path)
    trevoke = tsub.add_parser("revoke", help="revoke tokens: one, a role's, or a student's")
    which = trevoke.add_mutually_exclusive_group(required=True)
    which.add_argument("--token", help="the token itself")
    which.add_argument("--role", choices=["student", "invigilator", "admin"],
                       help="every token of this role")
    which.add_argument("--student", help="every token of this student (with --exam)")
    trevoke.add_argument("--exam", help="the exam of --student")
    trevoke.add_argument("--data", required=True, type=Path)
    exp = sub.add_parser("export", help="export bundles, receipts and decisions of an exam")
    exp.add_argument("--exam", required=True)
    exp.add_argument("--out", required=True, type=Path)
    exp.add_argument("--data", required=True, type=Path)
    ngx = sub.add_parser("nginx-config", help="print the nginx config for several servers")
    ngx.add_argument("--upstream", action="append", required=True, metavar="HOST:PORT")
    ngx.add_argument("--listen", default="443 ssl")
    ngx.add_argument("--prefix", default="/var/lib/emtihan-nginx",
                     help="directory for nginx's pid, log and temporary files")
    _privacy_parsers(sub)
    return p


def _privacy_parsers(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    purge = sub.add_parser("purge", help="delete what the exams' retention policies expired")
    purge.add_argument("--dry-run", action="store_true", help="report, delete nothing")
    purge.add_argument("--data", required=True, type=Path)
    hold = sub.add_parser("hold", help="legal holds: nothing held is ever purged")
    hsub = hold.add_subparsers(dest="hold_cmd", required=True)
    for name in ("set", "clear"):
        cmd = hsub.add_parser(name, help=f"{name} a legal hold on an exam or an attempt")
        which = cmd.add_mutually_exclusive_group(required=True)
        which.add_argument("--exam")
        which.add_argument("--attempt")
        if name == "set":
            cmd.add_argument("--reason", required=True)
        cmd.add_argument("--data", required=True, type=Path)
    hsub.add_parser("list", help="list legal holds").add_argument(
        "--data", required=True, type=Path)
    dec = sub.add_parser("decisions", help="release decisions to the students of an exam")
    dsub = dec.add_subparsers(dest="decisions_cmd", required=True)
    for name in ("release", "withdraw"):
        cmd = dsub.add_parser(name)
        cmd.add_argument("--exam", required=True)
        cmd.add_argument("--data", required=True, type=Path)


def _serve(args: argparse.Namespace) -> int:
    import uvicorn

    from .app import DATA_ENV, build_services, create_app
    from .purge import PurgeScheduler

    services = build_services(args.data)
    purge_log = logging.getLogger("emtihan.server.purge")  # ids and counts, to stderr
    if not purge_log.handlers:
        handler = logging.StreamHandler()
        handler.setFormatter(logging.Formatter("%(asctime)s %(name)s %(message)s"))
        purge_log.addHandler(handler)
        purge_log.setLevel(logging.INFO)
    interval = services.service.config.purge_interval_s
    scheduler = PurgeScheduler(services.service, interval).start() if interval > 0 else None
    print(f"Emtihan server on http://{args.host}:{args.port}", flush=True)
    try:
        if args.workers > 1:  # each worker process builds its own services (app_from_env)
            os.environ[DATA_ENV] = str(Path(args.data).resolve())
            uvicorn.run("server_stub.app:app_from_env", factory=True, workers=args.workers,
                        host=args.host, port=args.port, log_level="warning")
        else:
            uvicorn.run(create_app(services), host=args.host, port=args.port,
                        log_level="warning")
    finally:
        if scheduler is not None:
            scheduler.stop()
    return 0


def _privacy(service: ExamService, args: argparse.Namespace) -> None:
    from . import privacy
    from .purge import purge
    from .service import Principal

    admin = Principal("admin")
    if args.cmd == "purge":
        for line in purge(service, dry_run=args.dry_run).lines():
            print(line)
    elif args.cmd == "hold" and args.hold_cmd == "list":
        for h in privacy.list_holds(service, admin):
            print(f"{h['scope']} {h['target_id']} since {h['set_at']}: {h['reason']}")
    elif args.cmd == "hold":
        scope, target = ("exam", args.exam) if args.exam else ("attempt", args.attempt)
        if args.hold_cmd == "set":
            privacy.set_hold(service, admin, scope, target, args.reason)
            print(f"legal hold set on {scope} {target}")
        else:
            privacy.clear_hold(service, admin, scope, target)
            print(f"legal hold cleared on {scope} {target}")
    elif args.cmd == "decisions":
        released = args.decisions_cmd == "release"
        privacy.release_decisions(service, admin, args.exam, released)
        print(f"decisions of {args.exam} {'released to' if released else 'withdrawn from'} "
              "its students")


def _run(args: argparse.Namespace) -> int:
    if args.cmd == "init":
        from .storage import open_storage

        config = init_data_dir(args.data)
        open_storage(config.storage, args.data).close()  # creates the database tables
        print(f"initialised {args.data}")
        return 0
    if args.cmd == "serve":
        return _serve(args)
    if args.cmd == "nginx-config":
        from .nginx import nginx_config

        print(nginx_config(args.upstream, args.listen, prefix=args.prefix), end="")
        return 0
    from .app import build_services
    from .export import export_exam

    service = build_services(args.data).service
    try:
        if args.cmd == "publish":
            row = service.publish(args.package, args.content_key)
            print(f"published {row['exam_id']} v{row['version']} sha256={row['package_sha256']}")
        elif args.cmd == "roster":
            count = service.import_roster(args.csv.read_text("utf-8-sig"), args.exam)
            print(f"imported {count} students into {args.exam}")
        elif args.cmd == "tokens" and args.tokens_cmd == "revoke":
            count = service.revoke_tokens(token=args.token, role=args.role,
                                          exam_id=args.exam if args.student else None,
                                          student_id=args.student)
            print(f"revoked {count} token(s)")
        elif args.cmd == "tokens":
            token, _ = service.create_token(args.role, args.ttl_h * 3600)
            print(token)
        elif args.cmd == "export":
            count = export_exam(service, args.exam, args.out)
            print(f"exported {count} bundles to {args.out}")
        else:
            _privacy(service, args)
    finally:
        service.storage.close()
    return 0


def main(argv: Sequence[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    try:
        return _run(args)
    except EmtihanError as exc:
        print(f"error: {exc.user_message}", file=sys.stderr)
        return 2
    except OSError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
