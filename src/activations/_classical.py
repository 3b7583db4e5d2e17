"""_classical"""

__all__: list[str] = []
