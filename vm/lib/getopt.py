"""Parser for command line options (rpy's own getopt module).

This module helps scripts to parse the command line arguments in
sys.argv.  It supports the same conventions as the Unix getopt()
function (including the special meanings of arguments of the form `-'
and `--').  Long options similar to those supported by GNU software
may be used as well via an optional third argument.  This module
provides two functions and an exception:

getopt() -- Parse command line options
gnu_getopt() -- Like getopt(), but allow option and non-option arguments
to be intermixed.
GetoptError -- exception (class) raised with 'opt' attribute, which is the
option involved with the exception.
"""

import os

__all__ = ["GetoptError", "error", "getopt", "gnu_getopt"]


class GetoptError(Exception):
    opt = ''
    msg = ''

    def __init__(self, msg, opt=''):
        self.msg = msg
        self.opt = opt
        Exception.__init__(self, msg, opt)

    def __str__(self):
        return self.msg


error = GetoptError  # the old name


def _long_list(longopts):
    return [longopts] if isinstance(longopts, str) else list(longopts)


def getopt(args, shortopts, longopts=[]):
    """getopt(args, options[, long_options]) -> opts, args

    Parses command line options and parameter list.  args is the
    argument list to be parsed, without the leading reference to the
    running program.  Typically, this means "sys.argv[1:]".  shortopts
    is the string of option letters that the script wants to
    recognize, with options that require an argument followed by a
    colon and options that accept an optional argument followed by
    two colons (i.e., the same format that Unix getopt() uses).  If
    specified, longopts is a list of strings with the names of the
    long options which should be supported.  The leading '--'
    characters should not be included in the option name.  Options
    which require an argument should be followed by an equal sign
    ('=').  Options which accept an optional argument should be
    followed by an equal sign and question mark ('=?').

    The return value consists of two elements: the first is a list of
    (option, value) pairs; the second is the list of program arguments
    left after the option list was stripped (this is a trailing slice
    of the first argument).  Each option-and-value pair returned has
    the option as its first element, prefixed with a hyphen (e.g.,
    '-x'), and the option argument as its second element, or an empty
    string if the option has no argument.  The options occur in the
    list in the same order in which they were found, thus allowing
    multiple occurrences.  Long and short options may be mixed.

    """
    opts = []
    longopts = _long_list(longopts)
    # Options end at the first non-option ('-' alone is one) or after '--'.
    while args and args[0].startswith('-') and args[0] != '-':
        arg, args = args[0], args[1:]
        if arg == '--':
            break
        if arg.startswith('--'):
            opts, args = do_longs(opts, arg[2:], longopts, args)
        else:
            opts, args = do_shorts(opts, arg[1:], shortopts, args)
    return opts, args


def gnu_getopt(args, shortopts, longopts=[]):
    """getopt(args, options[, long_options]) -> opts, args

    This function works like getopt(), except that GNU style scanning
    mode is used by default. This means that option and non-option
    arguments may be intermixed. The getopt() function stops
    processing options as soon as a non-option argument is
    encountered.

    If the first character of the option string is '+', or if the
    environment variable POSIXLY_CORRECT is set, then option
    processing stops as soon as a non-option argument is encountered.

    """
    opts = []
    operands = []
    longopts = _long_list(longopts)
    # A leading '-' returns operands in place, as (None, [operands]) entries among the
    # options; a leading '+' (or POSIXLY_CORRECT) stops at the first operand.
    in_order = shortopts.startswith('-')
    if in_order:
        shortopts = shortopts[1:]
        options_first = False
    elif shortopts.startswith('+'):
        shortopts = shortopts[1:]
        options_first = True
    else:
        options_first = bool(os.environ.get("POSIXLY_CORRECT"))

    while args:
        arg = args[0]
        if arg == '--':
            operands += args[1:]
            break
        is_long = arg[:2] == '--'
        if is_long or (arg[:1] == '-' and arg != '-'):
            if in_order and operands:
                opts.append((None, operands))
                operands = []
            if is_long:
                opts, args = do_longs(opts, arg[2:], longopts, args[1:])
            else:
                opts, args = do_shorts(opts, arg[1:], shortopts, args[1:])
        elif options_first:
            operands += args
            break
        else:
            operands.append(arg)
            args = args[1:]
    return opts, operands


def do_longs(opts, opt, longopts, args):
    opt, eq, optarg = opt.partition('=')
    if not eq:
        optarg = None
    has_arg, opt = long_has_args(opt, longopts)
    if has_arg:
        # A required argument may be the next word; an optional one ('=?') only '=value'.
        if optarg is None and has_arg != '?':
            if not args:
                raise GetoptError('option --%s requires argument' % opt, opt)
            optarg, args = args[0], args[1:]
    elif optarg is not None:
        raise GetoptError('option --%s must not have an argument' % opt, opt)
    opts.append(('--' + opt, optarg or ''))
    return opts, args


def long_has_args(opt, longopts):
    """(whether --opt takes an argument: False, True or '?' for optional, its full name);
    a unique prefix of a long option stands for it."""
    candidates = [o for o in longopts if o.startswith(opt)]
    if not candidates:
        raise GetoptError('option --%s not recognized' % opt, opt)
    for suffix, has_arg in (('', False), ('=', True), ('=?', '?')):
        if opt + suffix in candidates:
            return has_arg, opt
    if len(candidates) > 1:
        raise GetoptError(
            "option --%s not a unique prefix; possible options: %s"
            % (opt, ", ".join(candidates)),
            opt,
        )
    full = candidates[0]
    if full.endswith('=?'):
        return '?', full[:-2]
    if full.endswith('='):
        return True, full[:-1]
    return False, full


def do_shorts(opts, optstring, shortopts, args):
    # One word can hold several flags (-ab); an option taking an argument consumes the
    # rest of the word, or else the next word (unless the argument is optional).
    while optstring != '':
        opt, optstring = optstring[0], optstring[1:]
        has_arg = short_has_arg(opt, shortopts)
        if has_arg:
            if optstring == '' and has_arg != '?':
                if not args:
                    raise GetoptError('option -%s requires argument' % opt, opt)
                optstring, args = args[0], args[1:]
            optarg, optstring = optstring, ''
        else:
            optarg = ''
        opts.append(('-' + opt, optarg))
    return opts, args


def short_has_arg(opt, shortopts):
    """Whether -opt takes an argument: False, True (one ':' follows it in shortopts) or '?'
    (optional, '::')."""
    for i, c in enumerate(shortopts):
        if c == opt != ':':
            if shortopts.startswith('::', i + 1):
                return '?'
            return shortopts.startswith(':', i + 1)
    raise GetoptError('option -%s not recognized' % opt, opt)


if __name__ == '__main__':
    import sys
    print(getopt(sys.argv[1:], "a:b", ["alpha=", "beta"]))
