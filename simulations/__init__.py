"""Simulations: many simulated devices in one process, and load through the hub."""
