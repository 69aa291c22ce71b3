"""Pages of seek & offer, matching, exchanges and the programme dashboard."""
