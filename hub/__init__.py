"""The hub: decides and routes."""
