import os
import os.path
import os.path as osp
import sys, re as regex
from collections import OrderedDict, defaultdict as dd
from . import sibling
from .. import parent
from .pkg.mod import thing
from ...deep import far as away
from os import *

def local_imports():
    import json
    from json import dumps
    import xml.etree.ElementTree as ET
    return json, dumps, ET
