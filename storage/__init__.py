"""Storage: SQLModel tables, engine set-up and queries. The only package that speaks SQL."""
