"""Fault-injection tests: crashes, outages, full disks, floods, concurrent instances."""
