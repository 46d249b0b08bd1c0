"""Device adapters: they answer calls."""
