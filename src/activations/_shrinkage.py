"""_shrinkage"""

__all__: list[str] = []
