"""Qt-free student client core: session state machine, event log, autosave, network
client, hand-in and outbox, devices and proctoring.  See docs/client.md."""
