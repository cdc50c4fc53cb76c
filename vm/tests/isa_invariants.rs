//! Invariants of the instruction table that hold by construction of CPython's design,
//! checked on the table itself (no CPython data needed).

use std::collections::{BTreeSet, HashSet};

use vm::instr::{
    CACHE_LAYOUTS, CodeUnit, ExitKind, Flags, InstrKind, LoadAttrCache, LoadGlobalCache, OpargKind,
    Opcode, Operand, PseudoMode, Uop,
};

fn report(what: &str, errors: Vec<String>) {
    assert!(
        errors.is_empty(),
        "{what}: {} violations\n{}",
        errors.len(),
        errors.join("\n")
    );
}

#[test]
fn names_and_numbers_are_unique_and_round_trip() {
    let mut errors = Vec::new();
    let mut names = HashSet::new();
    let mut numbers = HashSet::new();
    for op in Opcode::ALL {
        if !names.insert(op.name()) {
            errors.push(format!("duplicate name {op}"));
        }
        if !numbers.insert(op.number()) {
            errors.push(format!("duplicate number {}", op.number()));
        }
        if Opcode::from_u16(op.number()) != Some(op) || Opcode::from_name(op.name()) != Some(op) {
            errors.push(format!("{op} does not round-trip"));
        }
        let byte = u8::try_from(op.number()).ok();
        if byte.and_then(Opcode::from_u8) != byte.map(|_| op) || (byte.is_none() != op.is_pseudo())
        {
            errors.push(format!(
                "{op}: pseudo-instructions, and only they, are 256 and up"
            ));
        }
    }
    if Opcode::by_number().count() != Opcode::ALL.len()
        || !Opcode::by_number().is_sorted_by_key(|op| op.number())
    {
        errors.push("by_number is not a sorted permutation".to_owned());
    }
    if Opcode::from_u16(121).is_some() || Opcode::from_u16(999).is_some() {
        errors.push("unassigned numbers decode".to_owned());
    }
    let mut uop_names = HashSet::new();
    let mut ids = HashSet::new();
    for uop in Uop::ALL {
        if !uop_names.insert(uop.name()) {
            errors.push(format!("duplicate uop {uop}"));
        }
        if let Some(id) = uop.cpython_id()
            && (!ids.insert(id) || Uop::from_cpython_id(id) != Some(uop))
        {
            errors.push(format!("uop id {id} of {uop}"));
        }
        if Uop::from_name(uop.name()) != Some(uop) {
            errors.push(format!("{uop} does not round-trip"));
        }
    }
    report("uniqueness", errors);
}

#[test]
fn cache_layouts_are_contiguous_and_start_with_the_counter() {
    let mut errors = Vec::new();
    for layout in CACHE_LAYOUTS {
        let mut offset = 0;
        for field in layout.fields {
            if field.offset != offset || !matches!(field.size, 1 | 2 | 4) {
                errors.push(format!(
                    "{}.{} at {}",
                    layout.name, field.name, field.offset
                ));
            }
            offset += field.size;
        }
        if offset != layout.size() {
            errors.push(format!("{}: fields sum to {offset}", layout.name));
        }
        let first = layout.fields.first();
        if first.map(|f| (f.name, f.size)) != Some(("counter", 1)) {
            errors.push(format!("{} does not start with counter/1", layout.name));
        }
    }
    for op in Opcode::ALL {
        if op
            .cache_layout()
            .is_some_and(|l| l.size() != op.cache_entries())
            || op.size() != 1 + op.cache_entries()
        {
            errors.push(format!("{op}: size"));
        }
    }
    report("cache layouts", errors);
}

#[test]
fn cache_bindings_fit_the_instruction_cache() {
    let mut errors = Vec::new();
    for op in Opcode::ALL {
        for (i, part) in op.parts().iter().enumerate() {
            let uop = part.uop;
            if part.cache_offset.is_some() != (uop.cache_size() > 0) {
                errors.push(format!("{op}: {uop} reads {} units", uop.cache_size()));
            }
            if let Some(offset) = part.cache_offset {
                if offset + uop.cache_size() > op.cache_entries() {
                    errors.push(format!("{op}: {uop} reads past the cache"));
                }
                // Only the specializing prologue touches the counter.
                if (offset == 0) != uop.is_specializing() {
                    errors.push(format!("{op}: {uop} bound at {offset}"));
                }
            }
            if uop.is_specializing() && (i != 0 || op.kind() != InstrKind::Real) {
                errors.push(format!("{op}: {uop} is not a family head's first part"));
            }
            for read in part.cache_reads() {
                let layout = op.cache_layout().expect("bound parts have a layout");
                let inside = layout
                    .fields
                    .iter()
                    .any(|f| f.offset <= read.offset && read.offset + read.size <= f.end());
                if !inside {
                    errors.push(format!("{op}: {uop}.{} straddles fields", read.name));
                }
            }
        }
    }
    report("cache bindings", errors);
}

/// Where a specialization's stack effect can differ from its head's, and why.
fn specialization_contract(op: Opcode) -> (fn(i32) -> bool, i32) {
    let ends_in_frame_push = op.parts().last().is_some_and(|p| p.uop == Uop::_PUSH_FRAME);
    // A pushed frame returns its result to the caller's stack later; the fused forms also
    // consume the value of the `STORE_FAST`/`POP_TOP` they absorb.
    let adjust = if ends_in_frame_push
        || matches!(
            op,
            Opcode::BINARY_OP_INPLACE_ADD_UNICODE | Opcode::CALL_LIST_APPEND
        ) {
        -1
    } else {
        0
    };
    let domain: fn(i32) -> bool = match op {
        Opcode::LOAD_ATTR_METHOD_LAZY_DICT
        | Opcode::LOAD_ATTR_METHOD_NO_DICT
        | Opcode::LOAD_ATTR_METHOD_WITH_VALUES
        | Opcode::LOAD_SUPER_ATTR_METHOD => |oparg| oparg & 1 == 1,
        Opcode::LOAD_ATTR_NONDESCRIPTOR_NO_DICT
        | Opcode::LOAD_ATTR_NONDESCRIPTOR_WITH_VALUES
        | Opcode::LOAD_ATTR_PROPERTY
        | Opcode::LOAD_ATTR_GETATTRIBUTE_OVERRIDDEN
        | Opcode::LOAD_SUPER_ATTR_ATTR => |oparg| oparg & 1 == 0,
        Opcode::CALL_LEN
        | Opcode::CALL_TYPE_1
        | Opcode::CALL_STR_1
        | Opcode::CALL_TUPLE_1
        | Opcode::CALL_LIST_APPEND => |oparg| oparg == 1,
        Opcode::UNPACK_SEQUENCE_TWO_TUPLE => |oparg| oparg == 2,
        _ => |_| true,
    };
    (domain, adjust)
}

#[test]
fn family_members_share_the_heads_cache_and_stack_effect() {
    let mut errors = Vec::new();
    for op in Opcode::ALL.into_iter().filter(|op| op.is_specialized()) {
        let head = op.deopt();
        if head.is_specialized() || head.family() != Some(head) || op.family() != Some(head) {
            errors.push(format!("{op}: family {head}"));
        }
        if op.cache_layout().map(|l| l.name) != head.cache_layout().map(|l| l.name) {
            errors.push(format!("{op}: cache differs from {head}"));
        }
        if op.oparg_kind() != head.oparg_kind() {
            errors.push(format!("{op}: oparg meaning differs from {head}"));
        }
        let (domain, adjust) = specialization_contract(op);
        let opargs: Vec<i32> = (0..256).filter(|&oparg| domain(oparg)).collect();
        if let Some(oparg) = opargs.iter().find(|&&oparg| {
            op.stack_effect(oparg, false) != head.stack_effect(oparg, false) + adjust
        }) {
            errors.push(format!(
                "{op}({oparg}): effect {} vs {head} {}",
                op.stack_effect(*oparg, false),
                head.stack_effect(*oparg, false)
            ));
        }
    }
    report("families", errors);
}

#[test]
fn instrumented_forms_match_their_base() {
    let mut errors = Vec::new();
    for op in Opcode::ALL.into_iter().filter(|op| op.is_instrumented()) {
        let base = op.deinstrument();
        if base == op {
            if !matches!(
                op,
                Opcode::INSTRUMENTED_LINE
                    | Opcode::INSTRUMENTED_INSTRUCTION
                    | Opcode::ENTER_EXECUTOR
            ) {
                errors.push(format!("{op} has no base"));
            }
            continue;
        }
        if base.kind() != InstrKind::Real || base.instrumented() != Some(op) {
            errors.push(format!("{op}: base {base}"));
        }
        if op.cache_entries() != base.cache_entries() || op.oparg_kind() != base.oparg_kind() {
            errors.push(format!("{op}: cache or oparg differs from {base}"));
        }
        if (0..256).any(|oparg| op.stack_effect(oparg, false) != base.stack_effect(oparg, false)) {
            errors.push(format!("{op}: stack effect differs from {base}"));
        }
    }
    report("instrumentation", errors);
}

#[test]
fn every_uop_is_reachable_or_marked_tier2_only() {
    let mut errors = Vec::new();
    let mut used: BTreeSet<Uop> = Opcode::ALL
        .into_iter()
        .flat_map(|op| op.parts().iter().map(|p| p.uop))
        .collect();
    for uop in used.clone() {
        used.extend(uop.replacements());
        used.extend((0..u32::from(uop.replication())).filter_map(|k| uop.replica(k)));
    }
    for uop in Uop::ALL {
        let in_body = Opcode::ALL
            .into_iter()
            .any(|op| op.parts().iter().any(|p| p.uop == uop));
        match (used.contains(&uop), uop.is_tier2_only()) {
            (false, false) => errors.push(format!("{uop} is never used")),
            (_, true) if in_body => errors.push(format!("{uop} is TIER2 but in a tier-1 body")),
            _ => {}
        }
        if uop.is_tier1_only() && uop.is_tier2_only() {
            errors.push(format!("{uop} is both TIER1 and TIER2"));
        }
        if uop.is_specializing() && !uop.is_tier1_only() {
            errors.push(format!("{uop}: specializing uops are tier-1 only"));
        }
        for &replacement in uop.replacements() {
            if !uop.is_tier1_only() || replacement.is_tier1_only() {
                errors.push(format!("{uop} -> {replacement}"));
            }
        }
    }
    report("reachability", errors);
}

#[test]
fn guards_name_their_exit_kind() {
    let mut errors = Vec::new();
    for uop in Uop::ALL {
        let flags = uop.flags();
        if flags.contains(Flags::DEOPT) && flags.contains(Flags::EXIT) {
            errors.push(format!("{uop} both deopts and exits"));
        }
        let expected = if flags.contains(Flags::EXIT) {
            Some(ExitKind::Exit)
        } else if flags.contains(Flags::DEOPT) {
            Some(ExitKind::Deopt)
        } else {
            None
        };
        if uop.exit_kind() != expected || uop.is_guard() != expected.is_some() {
            errors.push(format!("{uop}: exit kind {:?}", uop.exit_kind()));
        }
        let name = uop.name();
        if (name.starts_with("_GUARD_") || name.starts_with("_ITER_CHECK_")) && !uop.is_guard() {
            errors.push(format!("{uop} is named a guard but cannot fail"));
        }
        // Type guards only look at the stack: what goes in comes out, by name.
        if name.starts_with("_GUARD_") && !name.ends_with("_POP") {
            let ins: Vec<_> = uop.inputs().iter().map(|i| i.to_string()).collect();
            let outs: Vec<_> = uop.outputs().iter().map(|i| i.to_string()).collect();
            if ins != outs {
                errors.push(format!("{uop} changes the stack: {}", uop.signature()));
            }
        }
    }
    report("guards", errors);
}

#[test]
fn uop_numbers_follow_cpythons_assignment() {
    let mut errors = Vec::new();
    // Below 256, a uop is the body of the instruction with the same number and name.
    for uop in Uop::ALL {
        match uop.cpython_id() {
            Some(id @ 0..=255) => {
                let op = Opcode::from_u16(id);
                if op.map(|op| format!("_{op}")) != Some(uop.name().to_owned())
                    || op.is_some_and(|op| !op.parts().iter().any(|p| p.uop == uop))
                {
                    errors.push(format!("{uop} = {id} but opcode {id} is {op:?}"));
                }
            }
            Some(256..=299) => errors.push(format!("{uop} in the gap 256..300")),
            _ => {}
        }
    }
    // From 300: `_EXIT_TRACE`, `_SET_IP`, then every other name in sorted order.
    let mut numbered: Vec<(&str, u16)> = Uop::ALL
        .into_iter()
        .filter_map(|uop| {
            uop.cpython_id()
                .filter(|&id| id >= 302)
                .map(|id| (uop.name(), id))
        })
        .collect();
    numbered.sort();
    for (i, (name, id)) in numbered.iter().enumerate() {
        if usize::from(*id) != 302 + i {
            errors.push(format!("{name} = {id}, expected {}", 302 + i));
        }
    }
    if Uop::_EXIT_TRACE.cpython_id() != Some(300) || Uop::_SET_IP.cpython_id() != Some(301) {
        errors.push("_EXIT_TRACE and _SET_IP come first".to_owned());
    }
    report("uop numbering", errors);
}

#[test]
fn replicas_follow_their_base() {
    let mut errors = Vec::new();
    for uop in Uop::ALL.into_iter().filter(|u| u.replication() > 0) {
        for k in 0..u32::from(uop.replication()) {
            let replica = uop.replica(k).expect("replica");
            let expected_name = format!("{}_{k}", uop.name());
            if replica.name() != expected_name
                || replica.replica_of() != Some(uop)
                || replica.cpython_id() != uop.cpython_id().map(|id| id + 1 + k as u16)
                || replica.flags() != uop.flags().difference(Flags::ARG)
                || replica.signature() != uop.signature()
            {
                errors.push(format!("{replica} is not {uop} for oparg {k}"));
            }
        }
        if uop.replica(u32::from(uop.replication())).is_some() {
            errors.push(format!("{uop}: replica past the replication count"));
        }
    }
    report("replicas", errors);
}

#[test]
fn super_instructions_expand_to_their_halves() {
    let mut errors = Vec::new();
    for op in Opcode::ALL {
        let Some((high, low)) = op.super_halves() else {
            continue;
        };
        let expected: Vec<(Uop, Operand)> = high
            .parts()
            .iter()
            .map(|p| (p.uop, Operand::Top))
            .chain(low.parts().iter().map(|p| (p.uop, Operand::Bottom)))
            .collect();
        let actual: Option<Vec<(Uop, Operand)>> = op
            .tier2_expansion()
            .map(|steps| steps.iter().map(|s| (s.uop, s.operand)).collect());
        if actual.as_ref() != Some(&expected) {
            errors.push(format!("{op}: {actual:?}"));
        }
        if op.stack_effect(0, false) != high.stack_effect(0, false) + low.stack_effect(0, false) {
            errors.push(format!("{op}: effect is not the sum of {high} and {low}"));
        }
        if op.oparg_kind() != OpargKind::LocalPair {
            errors.push(format!("{op}: oparg is not a local pair"));
        }
    }
    report("super-instructions", errors);
}

#[test]
fn pseudo_instructions_lower_to_real_ones() {
    let mut errors = Vec::new();
    for op in Opcode::ALL.into_iter().filter(|op| op.is_pseudo()) {
        let pseudo = op.pseudo().expect("pseudo info");
        if !op.parts().is_empty() || pseudo.targets.iter().any(|t| t.is_pseudo()) {
            errors.push(format!("{op}: targets {:?}", pseudo.targets));
        }
        // The fall-through effect is each target's (one of) or their sum (a sequence, as
        // emitted with oparg 1: `COPY 1; TO_BOOL; POP_JUMP_IF_*`).
        let targets = pseudo.targets.iter().map(|t| t.stack_effect(1, false));
        let ok = match pseudo.mode {
            PseudoMode::OneOf => targets.into_iter().all(|e| e == op.stack_effect(1, false)),
            PseudoMode::Sequence => targets.sum::<i32>() == op.stack_effect(1, false),
        };
        if !ok {
            errors.push(format!("{op}: effect differs from its lowering"));
        }
        if op.has_exc() != (op.stack_effect(0, true) != op.stack_effect(0, false)) {
            errors.push(format!("{op}: has_exc"));
        }
    }
    report("pseudo-instructions", errors);
}

#[test]
fn opargs_have_a_meaning_exactly_when_used() {
    let mut errors = Vec::new();
    for op in Opcode::ALL.into_iter().filter(|op| !op.is_specialized()) {
        if op.has_arg() != (op.oparg_kind() != OpargKind::None) {
            errors.push(format!(
                "{op}: has_arg {} but {:?}",
                op.has_arg(),
                op.oparg_kind()
            ));
        }
        let jumps = matches!(
            op.oparg_kind(),
            OpargKind::JumpForward | OpargKind::JumpBackward | OpargKind::Label
        );
        if op.has_jump() && !jumps {
            errors.push(format!("{op}: jumps with oparg {:?}", op.oparg_kind()));
        }
        if op.has_const() != (op.oparg_kind() == OpargKind::Const) {
            errors.push(format!("{op}: const"));
        }
    }
    report("oparg kinds", errors);
}

#[test]
fn tier2_steps_are_viable_or_replaced() {
    let mut errors = Vec::new();
    for op in Opcode::ALL {
        for step in op.tier2_expansion().unwrap_or(&[]) {
            let replaced = step.operand == Operand::Replaced;
            if step.uop.is_tier1_only() != replaced
                || replaced == step.uop.replacements().is_empty()
            {
                errors.push(format!("{op}: {} {:?}", step.uop, step.operand));
            }
        }
        let has_tier1_part = op.parts().iter().any(|p| {
            p.uop.is_tier1_only() && !p.uop.is_specializing() && p.uop.replacements().is_empty()
        });
        if !op.is_pseudo() && op.tier2_expansion().is_some() == has_tier1_part {
            errors.push(format!("{op}: expansion presence"));
        }
    }
    report("tier-2 expansion", errors);
}

#[test]
fn typed_cache_fields_address_the_right_units() {
    assert_eq!(
        (LoadAttrCache::version.offset, LoadAttrCache::version.size),
        (1, 2)
    );
    assert_eq!(LoadAttrCache::keys_version.offset, 3);
    assert_eq!(
        (LoadAttrCache::descr.offset, LoadAttrCache::descr.size),
        (5, 4)
    );
    assert_eq!(LoadGlobalCache::index.offset, 3);
    assert_eq!(
        Opcode::LOAD_ATTR_SLOT.cache_layout(),
        Some(&LoadAttrCache::LAYOUT)
    );

    let mut cache = vec![CodeUnit::default(); usize::from(Opcode::LOAD_ATTR.cache_entries())];
    LoadAttrCache::version.write_u32(&mut cache, 0x0001_0002);
    LoadAttrCache::descr.write_u64(&mut cache, u64::MAX - 1);
    assert_eq!(cache[1].cache(), 2);
    assert_eq!(cache[2].cache(), 1);
    assert_eq!(LoadAttrCache::version.read_u32(&cache), 0x0001_0002);
    assert_eq!(LoadAttrCache::descr.read_u64(&cache), u64::MAX - 1);
    assert_eq!(LoadAttrCache::counter.read_u16(&cache), 0);

    // The reads a specialized body makes land where the family layout says.
    let reads: Vec<_> = Opcode::LOAD_ATTR_MODULE
        .parts()
        .iter()
        .flat_map(|p| p.cache_reads())
        .map(|r| (r.name, r.offset, r.size))
        .collect();
    assert_eq!(reads, [("dict_version", 1, 2), ("index", 3, 1)]);
    let reads: Vec<_> = Opcode::LOAD_GLOBAL_MODULE
        .parts()
        .iter()
        .flat_map(|p| p.cache_reads())
        .map(|r| (r.name, r.offset))
        .collect();
    assert_eq!(reads, [("version", 1), ("index", 3)]);
}
