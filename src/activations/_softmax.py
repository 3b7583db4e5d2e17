"""_softmax"""

__all__: list[str] = []
