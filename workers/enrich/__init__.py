"""The steps of claim enrichment, one module each; ``workers.enrichment.enrich`` runs them."""
