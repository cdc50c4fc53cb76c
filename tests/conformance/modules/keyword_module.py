# keyword: kwlist, softkwlist, iskeyword, issoftkeyword.
import keyword
print(keyword.kwlist)
print(keyword.softkwlist)
print(len(keyword.kwlist), keyword.iskeyword("for"), keyword.iskeyword("print"), keyword.iskeyword("match"), keyword.issoftkeyword("match"), keyword.issoftkeyword("_"), keyword.iskeyword("True"))
