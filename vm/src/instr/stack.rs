//! Stack effects: the named `(inputs -- outputs)` items of a uop, sized by formulas of oparg.
//!
//! The notation is CPython's DSL (`Python/bytecodes.c`): `(left, right -- res)`, with arrays
//! such as `args[oparg]` or `null[oparg & 1]`. An item keeps its name so the tier-2 abstract
//! interpreter can see which values a uop only peeks at (same name in the same position on
//! both sides). Sizes are evaluated on `i32` because CPython's formulas are allowed to go
//! negative for opargs the compiler never emits (`unused[oparg-1]` with oparg 0); only the
//! totals are meaningful then, and they match `dis.stack_effect`.

use std::fmt;

/// How many stack slots an item occupies.
#[derive(Clone, Copy)]
pub enum Size {
    /// A single value (`left`).
    One,
    /// An array whose length is a formula of oparg (`args[oparg]`).
    Formula {
        /// The formula as written in the table, e.g. `oparg - 1`.
        text: &'static str,
        /// Evaluates the formula.
        eval: fn(i32) -> i32,
    },
}

impl Size {
    /// The number of slots for `oparg`.
    pub fn eval(self, oparg: i32) -> i32 {
        match self {
            Size::One => 1,
            Size::Formula { eval, .. } => eval(oparg),
        }
    }
}

impl fmt::Debug for Size {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Size::One => f.write_str("1"),
            Size::Formula { text, .. } => f.write_str(text),
        }
    }
}

/// One named stack value (or array of values) consumed or produced by a uop.
#[derive(Clone, Copy, Debug)]
pub struct StackItem {
    /// The name used in the table (`unused` for values the uop does not touch).
    pub name: &'static str,
    /// How many slots it occupies.
    pub size: Size,
}

impl fmt::Display for StackItem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.size {
            Size::One => f.write_str(self.name),
            Size::Formula { text, .. } => write!(f, "{}[{}]", self.name, text),
        }
    }
}

/// The total size of `items` for `oparg`.
pub fn total(items: &[StackItem], oparg: i32) -> i32 {
    items.iter().map(|item| item.size.eval(oparg)).sum()
}

/// Formats `(inputs -- outputs)` the way the table and CPython's DSL write it.
pub fn signature(inputs: &[StackItem], outputs: &[StackItem]) -> String {
    let join = |items: &[StackItem]| {
        items
            .iter()
            .map(ToString::to_string)
            .collect::<Vec<_>>()
            .join(", ")
    };
    match (inputs.is_empty(), outputs.is_empty()) {
        (true, true) => "(--)".to_owned(),
        (true, false) => format!("(-- {})", join(outputs)),
        (false, true) => format!("({} --)", join(inputs)),
        (false, false) => format!("({} -- {})", join(inputs), join(outputs)),
    }
}

/// The combined effect of running several stack effects in sequence.
///
/// `popped` is how deep below the starting stack level the sequence reaches and `pushed` is
/// what it leaves above that depth, so `pushed - popped` is the net effect. This is how
/// CPython's cases generator derives a macro instruction's effect from its uops.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Composed {
    /// Values consumed from below the starting level.
    pub popped: i32,
    /// Values left on top afterwards.
    pub pushed: i32,
}

impl Composed {
    /// Appends a step that pops `inputs` values and then pushes `outputs`.
    pub fn then(self, inputs: i32, outputs: i32) -> Composed {
        // Track the level relative to the start; the lowest point reached is what is popped.
        let level = self.pushed - self.popped - inputs;
        let popped = self.popped.max(-level);
        Composed {
            popped,
            pushed: level + outputs + popped,
        }
    }

    /// The net change in stack depth.
    pub fn net(self) -> i32 {
        self.pushed - self.popped
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn composition_tracks_the_deepest_pop() {
        // _GUARD_NOS_INT (left, unused -- left, unused) then _BINARY_OP_ADD_INT (l, r -- res)
        let c = Composed::default().then(2, 2).then(2, 1);
        assert_eq!((c.popped, c.pushed, c.net()), (2, 1, -1));
        // (-- a) then (a, b -- c): reaches one below the start.
        let c = Composed::default().then(0, 1).then(2, 1);
        assert_eq!((c.popped, c.pushed), (1, 1));
    }

    #[test]
    fn signatures_print_like_the_dsl() {
        let args = StackItem {
            name: "args",
            size: Size::Formula {
                text: "oparg",
                eval: |oparg| oparg,
            },
        };
        let res = StackItem {
            name: "res",
            size: Size::One,
        };
        assert_eq!(signature(&[args], &[res]), "(args[oparg] -- res)");
        assert_eq!(signature(&[], &[]), "(--)");
        assert_eq!(total(&[args, res], 3), 4);
    }
}
