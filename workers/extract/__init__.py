"""The steps of claim extraction, one module each; ``workers.extraction`` runs them."""
