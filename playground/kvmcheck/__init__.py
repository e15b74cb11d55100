"""kvmcheck: check a Linux KVM x86 patch against the KVM x86 maintainer handbook."""

__version__ = "0.3.1"
