"""A small argparse-compatible command-line parser for the pyperf package.

The workloads call ``runner.argparser.add_argument(...)`` and ``runner.parse_args()``
exactly as with argparse; rpy cannot import CPython's argparse (it needs re, gettext,
shutil, ...), so this module implements the part of its interface the workloads and the
pyperf options use: long and short options, ``--opt=value``, unique prefixes of long
options, ``-n3``, ``type=``, ``choices=``, ``default=``, ``dest=``, ``metavar=``,
``nargs`` of None, ``'?'``, ``'*'``, ``'+'`` or an int, the actions store, store_true,
store_false, store_const, append, count and help, ``--`` and negative-number values.
Errors print argparse's usage line and message to stderr and exit with status 2.
"""

import sys


class ArgumentTypeError(Exception):
    """Raised by a ``type=`` callable to give its own error message."""


class ArgumentError(Exception):
    def __init__(self, action, message):
        Exception.__init__(self, message)
        self.argument_name = action.display_name() if action is not None else None
        self.message = message

    def __str__(self):
        if self.argument_name is None:
            return self.message
        return 'argument %s: %s' % (self.argument_name, self.message)


class Namespace:
    def __init__(self, **kwargs):
        for name in kwargs:
            setattr(self, name, kwargs[name])

    def __repr__(self):
        items = ['%s=%r' % (name, value) for name, value in sorted(vars(self).items())]
        return 'Namespace(%s)' % ', '.join(items)

    def __eq__(self, other):
        if not isinstance(other, Namespace):
            return NotImplemented
        return vars(self) == vars(other)

    def __contains__(self, name):
        return name in self.__dict__


SUPPRESS = '==SUPPRESS=='
_SUPPRESS = SUPPRESS
_TAKES_NO_VALUE = ('store_true', 'store_false', 'store_const', 'count', 'help')


class Action:
    def __init__(self, option_strings, dest, action='store', nargs=None, const=None,
                 default=None, type=None, choices=None, required=False, help=None,
                 metavar=None):
        self.option_strings = option_strings
        self.dest = dest
        self.action = action
        self.nargs = nargs
        self.const = const
        self.default = default
        self.type = type
        self.choices = choices
        self.required = required
        self.help = help
        self.metavar = metavar

    def takes_value(self):
        return self.action not in _TAKES_NO_VALUE

    def display_name(self):
        if self.option_strings:
            return '/'.join(self.option_strings)
        if self.metavar is not None:
            return self.metavar
        return self.dest

    def value_name(self):
        if self.metavar is not None:
            return self.metavar
        if self.choices is not None:
            return '{%s}' % ','.join(str(choice) for choice in self.choices)
        if self.option_strings:
            return self.dest.upper()
        return self.dest

    def usage_part(self):
        name = self.value_name()
        if self.nargs == '?':
            text = '[%s]' % name
        elif self.nargs == '*':
            text = '[%s ...]' % name
        elif self.nargs == '+':
            text = '%s [%s ...]' % (name, name)
        elif isinstance(self.nargs, int):
            text = ' '.join([name] * self.nargs)
        else:
            text = name
        if not self.option_strings:
            return text
        flag = self.option_strings[0]
        if self.takes_value():
            text = '%s %s' % (flag, text)
        else:
            text = flag
        if self.required:
            return text
        return '[%s]' % text


def _looks_like_negative_number(token):
    if not token.startswith('-') or len(token) < 2:
        return False
    try:
        float(token)
    except ValueError:
        return False
    return True


class ArgumentParser:
    def __init__(self, prog=None, description=None, add_help=True, allow_abbrev=True):
        if prog is None:
            prog = sys.argv[0].rpartition('/')[2] if sys.argv and sys.argv[0] else 'python'
        self.prog = prog
        self.description = description
        self.allow_abbrev = allow_abbrev
        self._actions = []
        self._option_map = {}
        self._defaults = {}
        if add_help:
            self.add_argument('-h', '--help', action='help',
                              help='show this help message and exit')

    # -- declaring arguments ----------------------------------------------------------

    def add_argument(self, *names, **kwargs):
        if not names:
            raise ValueError('add_argument() needs a name or option strings')
        action_kind = kwargs.pop('action', 'store')
        is_option = names[0].startswith('-')
        if is_option:
            for name in names:
                if not name.startswith('-') or name == '-':
                    raise ValueError('invalid option string %r: must start with a character -'
                                     % name)
            dest = kwargs.pop('dest', None)
            if dest is None:
                longs = [name for name in names if name.startswith('--')]
                dest = (longs or list(names))[0].lstrip('-').replace('-', '_')
        else:
            if len(names) != 1:
                raise ValueError('a positional argument takes exactly one name')
            if 'dest' in kwargs:
                raise ValueError('dest supplied twice for positional argument')
            dest = names[0]
        if action_kind not in ('store', 'store_true', 'store_false', 'store_const',
                               'append', 'count', 'help'):
            raise ValueError('unknown action %r' % (action_kind,))
        default = kwargs.pop('default', None)
        if action_kind == 'store_true' and default is None:
            default = False
        elif action_kind == 'store_false' and default is None:
            default = True
        elif action_kind == 'help':
            default = _SUPPRESS
        nargs = kwargs.pop('nargs', None)
        if action_kind in _TAKES_NO_VALUE and nargs is not None:
            raise ValueError('nargs is not allowed with action %r' % action_kind)
        if nargs is not None and nargs not in ('?', '*', '+') and not isinstance(nargs, int):
            raise ValueError('invalid nargs value %r' % (nargs,))
        const = kwargs.pop('const', None)
        if action_kind == 'store_true':
            const = True
        elif action_kind == 'store_false':
            const = False
        type_func = kwargs.pop('type', None)
        if type_func is not None and not callable(type_func):
            raise ValueError('%r is not callable' % (type_func,))
        action = Action(list(names) if is_option else [], dest, action=action_kind,
                        nargs=nargs, const=const, default=default, type=type_func,
                        choices=kwargs.pop('choices', None),
                        required=kwargs.pop('required', not is_option and nargs not in ('?', '*')),
                        help=kwargs.pop('help', None), metavar=kwargs.pop('metavar', None))
        if kwargs:
            raise TypeError('add_argument() got unexpected keyword arguments: %s'
                            % ', '.join(sorted(kwargs)))
        if is_option:
            for name in names:
                if name in self._option_map:
                    raise ArgumentError(action, 'conflicting option string: %s' % name)
            for name in names:
                self._option_map[name] = action
        self._actions.append(action)
        return action

    def set_defaults(self, **kwargs):
        self._defaults.update(kwargs)
        for action in self._actions:
            if action.dest in kwargs:
                action.default = kwargs[action.dest]

    def get_default(self, dest):
        for action in self._actions:
            if action.dest == dest and action.default is not None:
                return action.default
        return self._defaults.get(dest)

    # -- help and errors ----------------------------------------------------------------

    def _shown(self):
        return [action for action in self._actions if action.help != SUPPRESS]

    def format_usage(self):
        shown = self._shown()
        parts = [action.usage_part() for action in shown if action.option_strings]
        parts += [action.usage_part() for action in shown if not action.option_strings]
        return 'usage: %s %s\n' % (self.prog, ' '.join(parts))

    def format_help(self):
        lines = [self.format_usage().rstrip('\n')]
        if self.description:
            lines += ['', self.description]
        positionals = [a for a in self._shown() if not a.option_strings]
        options = [a for a in self._shown() if a.option_strings]
        for title, group in (('positional arguments:', positionals), ('options:', options)):
            if not group:
                continue
            lines += ['', title]
            for action in group:
                if action.option_strings and action.takes_value():
                    heading = ', '.join('%s %s' % (flag, action.value_name())
                                        for flag in action.option_strings)
                elif action.option_strings:
                    heading = ', '.join(action.option_strings)
                else:
                    heading = action.value_name()
                if action.help:
                    if len(heading) <= 20:
                        lines.append('  %-22s%s' % (heading, action.help))
                    else:
                        lines += ['  ' + heading, ' ' * 24 + action.help]
                else:
                    lines.append('  ' + heading)
        return '\n'.join(lines) + '\n'

    def print_usage(self, file=None):
        (file or sys.stdout).write(self.format_usage())

    def print_help(self, file=None):
        (file or sys.stdout).write(self.format_help())

    def exit(self, status=0, message=None):
        if message:
            sys.stderr.write(message)
        raise SystemExit(status)

    def error(self, message):
        self.print_usage(sys.stderr)
        self.exit(2, '%s: error: %s\n' % (self.prog, message))

    # -- parsing ------------------------------------------------------------------------

    def parse_args(self, args=None, namespace=None):
        try:
            return self._parse(args, namespace)
        except ArgumentError as exc:
            self.error(str(exc))

    def _is_option_token(self, token):
        if not token.startswith('-') or token == '-':
            return False
        if _looks_like_negative_number(token):
            # As in argparse: a negative number is a value unless some option looks like one.
            return any(_looks_like_negative_number(flag) for flag in self._option_map)
        return True

    def _find_option(self, token):
        """Return (action, flag, attached value or None) for an option token."""
        if token.startswith('--'):
            flag, eq, value = token.partition('=')
            attached = value if eq else None
            if flag in self._option_map:
                return self._option_map[flag], flag, attached
            if self.allow_abbrev and len(flag) > 2:
                matches = sorted(name for name in self._option_map
                                 if name.startswith('--') and name.startswith(flag))
                if len(matches) == 1:
                    return self._option_map[matches[0]], matches[0], attached
                if len(matches) > 1:
                    raise ArgumentError(None, 'ambiguous option: %s could match %s'
                                        % (flag, ', '.join(matches)))
            return None, flag, attached
        flag = token[:2]
        if token in self._option_map:
            return self._option_map[token], token, None
        flag_eq, eq, value = token.partition('=')
        if eq and flag_eq in self._option_map:
            return self._option_map[flag_eq], flag_eq, value
        if flag in self._option_map:
            rest = token[2:]
            return self._option_map[flag], flag, rest
        return None, token, None

    def _convert(self, action, text):
        if action.type is None:
            value = text
        else:
            try:
                value = action.type(text)
            except ArgumentTypeError as exc:
                raise ArgumentError(action, str(exc))
            except (TypeError, ValueError):
                name = getattr(action.type, '__name__', repr(action.type))
                raise ArgumentError(action, 'invalid %s value: %r' % (name, text))
        if action.choices is not None and value not in action.choices:
            choices = ', '.join(repr(choice) for choice in action.choices)
            raise ArgumentError(action, 'invalid choice: %r (choose from %s)' % (value, choices))
        return value

    def _store(self, namespace, action, values, flag):
        """Apply one occurrence of ``action`` with its raw string values."""
        kind = action.action
        if kind == 'help':
            self.print_help()
            self.exit(0)
        if kind in ('store_true', 'store_false', 'store_const'):
            setattr(namespace, action.dest, action.const)
        elif kind == 'count':
            setattr(namespace, action.dest, (getattr(namespace, action.dest, None) or 0) + 1)
        else:
            if action.nargs in (None, '?') and len(values) <= 1:
                if values:
                    value = self._convert(action, values[0])
                else:
                    value = action.const
            else:
                value = [self._convert(action, text) for text in values]
            if kind == 'append':
                current = getattr(namespace, action.dest, None)
                current = list(current) if current else []
                current.append(value)
                value = current
            setattr(namespace, action.dest, value)

    def _take_values(self, action, tokens, index, attached):
        """Consume the values of an option; returns (values, next index)."""
        if attached is not None:
            if not action.takes_value():
                raise ArgumentError(action, 'ignored explicit argument %r' % attached)
            return [attached], index
        if not action.takes_value():
            return [], index
        following = []
        while index < len(tokens) and tokens[index] != '--' and \
                not self._is_option_token(tokens[index]):
            following.append(tokens[index])
            index += 1
        nargs = action.nargs
        if nargs is None:
            wanted = 1
        elif nargs == '?':
            wanted = min(1, len(following))
        elif nargs in ('*', '+'):
            wanted = len(following)
        else:
            wanted = nargs
        if nargs == '+' and not following:
            raise ArgumentError(action, 'expected at least one argument')
        if len(following) < wanted:
            if nargs is None:
                raise ArgumentError(action, 'expected one argument')
            raise ArgumentError(action, 'expected %d arguments' % wanted)
        unused = len(following) - wanted
        return following[:wanted], index - unused

    def _parse(self, args, namespace):
        if args is None:
            args = sys.argv[1:]
        tokens = list(args)
        if namespace is None:
            namespace = Namespace()
        for action in self._actions:
            if action.default != _SUPPRESS and not hasattr(namespace, action.dest):
                setattr(namespace, action.dest, action.default)
        for name in self._defaults:
            if not hasattr(namespace, name):
                setattr(namespace, name, self._defaults[name])

        positional_tokens = []
        seen = set()
        index = 0
        while index < len(tokens):
            token = tokens[index]
            index += 1
            if token == '--':
                positional_tokens.extend(tokens[index:])
                break
            if not self._is_option_token(token):
                positional_tokens.append(token)
                continue
            action, flag, attached = self._find_option(token)
            if action is None:
                raise ArgumentError(None, 'unrecognized arguments: %s'
                                    % ' '.join([token] + tokens[index:]))
            if attached is not None and not action.takes_value() and not flag.startswith('--'):
                # A cluster of short flags such as -vq.
                self._store(namespace, action, [], flag)
                seen.add(action)
                tokens.insert(index, '-' + attached)
                continue
            values, index = self._take_values(action, tokens, index, attached)
            self._store(namespace, action, values, flag)
            seen.add(action)

        positionals = [action for action in self._actions if not action.option_strings]
        remaining = self._match_positionals(namespace, positionals, positional_tokens, seen)
        if remaining:
            raise ArgumentError(None, 'unrecognized arguments: %s' % ' '.join(remaining))

        missing = [action.display_name() for action in self._actions
                   if action.required and action not in seen]
        if missing:
            raise ArgumentError(None, 'the following arguments are required: %s'
                                % ', '.join(missing))

        # As argparse does, string defaults go through type= when the option was not given.
        for action in self._actions:
            if action in seen or action.type is None:
                continue
            if isinstance(action.default, str) and action.default != _SUPPRESS and \
                    getattr(namespace, action.dest, None) is action.default:
                setattr(namespace, action.dest, self._convert(action, action.default))
        return namespace

    def _match_positionals(self, namespace, positionals, tokens, seen):
        index = 0
        for position, action in enumerate(positionals):
            # Leave at least one token for each later positional that needs one.
            needed_later = sum(1 for later in positionals[position + 1:]
                               if later.nargs not in ('?', '*'))
            available = max(0, len(tokens) - index - needed_later)
            nargs = action.nargs
            if nargs is None:
                count = 1
            elif nargs == '?':
                count = min(1, available)
            elif nargs in ('*', '+'):
                count = available
            else:
                count = nargs
            if count > len(tokens) - index or (nargs == '+' and count == 0):
                continue
            values = tokens[index:index + count]
            index += count
            if nargs == '?' and not values:
                continue
            if nargs in ('*', '+') or isinstance(nargs, int):
                setattr(namespace, action.dest, [self._convert(action, v) for v in values])
            else:
                setattr(namespace, action.dest, self._convert(action, values[0]))
            seen.add(action)
        return tokens[index:]
