"""``emtihan-server``: init, serve, publish, roster import, tokens create/revoke, export."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path

from exam_packages.errors import EmtihanError

from .config import init_data_dir


def _parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="emtihan-server", description="Emtihan exam server")
    sub = p.add_subparsers(dest="cmd", required=True)
    init = sub.add_parser("init", help="create the data dir: db, signing key (0600), config")
    init.add_argument("--data", required=True, type=Path)
    serve = sub.add_parser("serve", help="run the HTTP server")
    serve.add_argument("--data", required=True, type=Path)
    serve.add_argument("--host", default="127.0.0.1")
    serve.add_argument("--port", type=int, default=8765)
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
    return p


def _serve(args: argparse.Namespace) -> int:
    import uvicorn

    from .app import build_services, create_app

    app = create_app(build_services(args.data))
    print(f"Emtihan server on http://{args.host}:{args.port}", flush=True)
    uvicorn.run(app, host=args.host, port=args.port, log_level="warning")
    return 0


def _run(args: argparse.Namespace) -> int:
    if args.cmd == "init":
        from .storage import open_storage

        config = init_data_dir(args.data)
        open_storage(config.storage, args.data).close()  # creates the database tables
        print(f"initialised {args.data}")
        return 0
    if args.cmd == "serve":
        return _serve(args)
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
