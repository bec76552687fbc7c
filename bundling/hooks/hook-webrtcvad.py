"""webrtcvad-wheels installs the module `webrtcvad` without metadata of that name:
the contrib hook's copy_metadata("webrtcvad") fails; the module needs nothing else."""
