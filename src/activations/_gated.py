"""_gated"""

__all__: list[str] = []
