"""minutes-register: meeting papers in, a tracked action register out."""

__version__ = "0.1.0"
