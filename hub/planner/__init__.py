"""The planner: an Octopus-style functional-token model that writes a Plan for a request."""
