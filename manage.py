#!/usr/bin/env python
"""Django's command-line utility; the installed equivalent is `peerlearn`."""

from peerlearn.__main__ import main

if __name__ == "__main__":
    main()
