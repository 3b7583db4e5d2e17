"""_glu"""

__all__: list[str] = []
