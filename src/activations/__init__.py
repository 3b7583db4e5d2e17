"""Activation Atlas: exact NumPy reference implementations of activation functions.

>>> import activations as act
>>> act.relu([-2.0, 0.0, 3.0])
array([0., 0., 3.])
>>> spec = act.get("sigmoid")
>>> float(spec.grad(0.0))
0.25
"""

from . import (
    _classical,
    _exponential,
    _gated,
    _glu,
    _relu_like,
    _shrinkage,
    _sigmoid_like,
    _softmax,
)
from ._classical import *  # noqa: F403
from ._exponential import *  # noqa: F403
from ._gated import *  # noqa: F403
from ._glu import *  # noqa: F403
from ._relu_like import *  # noqa: F403
from ._shrinkage import *  # noqa: F403

# Importing a family module registers its specs (catalog order is by family).
from ._sigmoid_like import *  # noqa: F403
from ._softmax import *  # noqa: F403
from ._spec import (
    FAMILIES,
    FRAMEWORK_VERSIONS,
    IMPLICIT,
    REQUIRED,
    Core,
    Family,
    Framework,
    FrameworkVersion,
    Kink,
    Naive,
    NoDefault,
    Paper,
    Param,
    Properties,
    Spec,
    Step,
    Variant,
    get,
    names,
    specs,
)

__all__ = [
    "FAMILIES",
    "Core",
    "FRAMEWORK_VERSIONS",
    "IMPLICIT",
    "REQUIRED",
    "Family",
    "Framework",
    "FrameworkVersion",
    "NoDefault",
    "Kink",
    "Naive",
    "Paper",
    "Param",
    "Properties",
    "Spec",
    "Step",
    "Variant",
    "get",
    "names",
    "specs",
    *_sigmoid_like.__all__,
    *_relu_like.__all__,
    *_exponential.__all__,
    *_gated.__all__,
    *_shrinkage.__all__,
    *_classical.__all__,
    *_softmax.__all__,
    *_glu.__all__,
]
