"""_exponential"""

__all__: list[str] = []
