"""Entry point of the bundled student client (``emtihan-student`` in the archive).

    emtihan-student [client options]        the PySide6 student client (client.ui.app)
    emtihan-student --version
    emtihan-student --headless-flow ...     the scripted student flow (emtihan_demo.remote)
                                            against a server: the clean-machine check
"""

import sys


def main() -> int:
    if sys.argv[1:] == ["--version"]:  # answered before Qt and the verifier load
        from client.version import __version__

        print(f"emtihan-student {__version__}")
        return 0
    if sys.argv[1:2] == ["--headless-flow"]:
        from emtihan_demo.remote import main as flow_main

        return flow_main(sys.argv[2:])
    from client.ui.app import main as app_main

    return app_main()


if __name__ == "__main__":
    sys.exit(main())
