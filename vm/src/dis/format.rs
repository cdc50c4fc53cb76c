//! The text layout of one disassembled code object (`dis.disassemble` with `dis.Formatter`):
//! the line-number or positions column, labels, offsets, opcode names, opargs and their
//! reprs, optional cache lines, then the `ExceptionTable:` section.

use std::fmt::Write as _;

use super::args::ArgResolver;
use super::instructions::{Instruction, Labels, unpack};
use super::{DisError, DisOptions};
use crate::compile::instr_seq::Location;
use crate::compile::{CodeObject, exception_table, line_table};
use crate::instr::Opcode;

/// `dis._OPNAME_WIDTH`.
const OPNAME_WIDTH: usize = 20;
/// `dis._OPARG_WIDTH`.
const OPARG_WIDTH: usize = 5;
/// `dis._NO_LINENO`: the line column of code without a line.
const NO_LINENO: &str = "  --";

/// Line starts by byte offset (`dict(dis.findlinestarts(co))`): where `co_lines()` moves
/// to a different line, with that line (`None` for artificial code).
fn line_starts(code: &CodeObject) -> Vec<(u32, Option<i32>)> {
    let mut out: Vec<(u32, Option<i32>)> = Vec::new();
    for range in line_table::lines(&code.linetable, code.firstlineno) {
        if out.last().is_none_or(|&(_, line)| line != range.line) {
            out.push((2 * range.start, range.line));
        }
    }
    out
}

/// `dis._get_lineno_width`.
fn lineno_width(starts: &[(u32, Option<i32>)]) -> usize {
    // `filter(None, ...)` drops line 0 as well as `None`.
    let Some(max) = starts
        .iter()
        .filter_map(|&(_, line)| line.filter(|&l| l != 0))
        .max()
    else {
        return 0;
    };
    if max == -1 {
        return 0;
    }
    let width = max.to_string().len().max(3);
    if width < NO_LINENO.len() && starts.iter().any(|&(_, line)| line.is_none()) {
        NO_LINENO.len()
    } else {
        width
    }
}

fn part_width(p: i32) -> usize {
    if p == -1 { 1 } else { p.to_string().len() }
}

/// `dis._get_positions_width`: room for `LINE:COL-ENDLINE:ENDCOL` plus a space.
fn positions_width(positions: &[Location]) -> usize {
    let mut has_value = false;
    let mut widest = 0;
    for p in positions {
        let parts = [p.lineno, p.end_lineno, p.col_offset, p.end_col_offset];
        has_value |= parts.iter().any(|&x| x != -1);
        widest = widest.max(parts.iter().map(|&x| part_width(x)).sum());
    }
    if has_value {
        1 + NO_LINENO.len().max(3 + widest)
    } else {
        0
    }
}

fn position_text(p: &Location) -> String {
    let parts = [p.lineno, p.end_lineno, p.col_offset, p.end_col_offset];
    if parts.iter().all(|&x| x == -1) {
        return NO_LINENO.to_string();
    }
    let show = |x: i32| {
        if x == -1 {
            "?".to_string()
        } else {
            x.to_string()
        }
    };
    format!(
        "{}:{}-{}:{}",
        show(p.lineno),
        show(p.col_offset),
        show(p.end_lineno),
        show(p.end_col_offset)
    )
}

/// The column widths of one code object's listing (`dis.Formatter`).
struct Layout {
    lineno_width: usize,
    label_width: usize,
    offset_width: usize,
    show_positions: bool,
}

/// One printed line: an instruction, or a `CACHE` unit after one.
struct Row<'a> {
    offset: u32,
    /// The line column: `Some(line)` where the instruction starts a line.
    starts_line: Option<Option<i32>>,
    label: Option<usize>,
    name: &'a str,
    arg: Option<i64>,
    argrepr: &'a str,
    position: Location,
}

impl Layout {
    /// `Formatter.print_instruction_line`.
    fn write_row(&self, out: &mut String, row: &Row<'_>) {
        if self.lineno_width > 0 && row.starts_line.is_some() && row.offset > 0 {
            out.push('\n');
        }
        let mut fields: Vec<String> = Vec::with_capacity(6);
        let w = self.lineno_width;
        if w > 0 {
            if self.show_positions {
                fields.push(format!("{:<w$}", position_text(&row.position)));
            } else {
                fields.push(match row.starts_line {
                    Some(Some(line)) => format!("{line:>w$}"),
                    Some(None) => format!("{NO_LINENO:>w$}"),
                    None => " ".repeat(w),
                });
            }
        }
        let lw = self.label_width;
        fields.push(match row.label {
            Some(label) => format!("{:>lw$}", format!("L{label}:")),
            None => " ".repeat(lw),
        });
        if self.offset_width > 0 {
            fields.push(format!("{:>ow$}  ", row.offset, ow = self.offset_width));
        }
        fields.push("   ".to_string());
        fields.push(format!("{:<OPNAME_WIDTH$}", row.name));
        if let Some(arg) = row.arg {
            let excess = row.name.len().saturating_sub(OPNAME_WIDTH);
            let aw = OPARG_WIDTH.saturating_sub(excess);
            fields.push(format!("{arg:>aw$}"));
            if !row.argrepr.is_empty() {
                fields.push(format!("({})", row.argrepr));
            }
        }
        let line = fields.join(" ");
        out.push_str(line.trim_end());
        out.push('\n');
    }

    /// The `CACHE` lines after `instr` (`Formatter.print_instruction` with `show_caches`).
    fn write_caches(
        &self,
        out: &mut String,
        code: &CodeObject,
        instr: &Instruction,
        position: Location,
    ) {
        let Some(fields) = instr.deopt().map(dis_cache_fields) else {
            return;
        };
        let first_cache = instr.offset as usize / 2 + 1;
        let caches = code.code.get(first_cache..).unwrap_or(&[]);
        let (mut offset, mut start) = (instr.offset, 0usize);
        for (name, size) in fields {
            // `int.from_bytes` of the field's bytes, little-endian, as far as the code goes.
            let end = (start + usize::from(size)).min(caches.len());
            let units = caches.get(start..end).unwrap_or(&[]);
            let value = units
                .iter()
                .rev()
                .fold(0u64, |acc, u| acc << 16 | u64::from(u.cache()));
            start += usize::from(size);
            for i in 0..size {
                offset += 2;
                let argrepr = if i == 0 {
                    format!("{name}: {value}")
                } else {
                    String::new()
                };
                self.write_row(
                    out,
                    &Row {
                        offset,
                        starts_line: None,
                        label: None,
                        name: "CACHE",
                        arg: Some(0),
                        argrepr: &argrepr,
                        position,
                    },
                );
            }
        }
    }
}

/// The cache fields in the order `dis` reads them (`opcode._cache_format`), which is the
/// physical order except for `LOAD_GLOBAL`: CPython's metadata lists `index` second while
/// the cache stores it last. `dis` slices the cache in its listed order, so it is followed
/// here too.
fn dis_cache_fields(op: Opcode) -> Vec<(&'static str, u8)> {
    const LOAD_GLOBAL_ORDER: [&str; 4] = [
        "counter",
        "index",
        "module_keys_version",
        "builtin_keys_version",
    ];
    let Some(layout) = op.cache_layout() else {
        return Vec::new();
    };
    let mut fields: Vec<(&'static str, u8)> =
        layout.fields.iter().map(|f| (f.name, f.size)).collect();
    if op == Opcode::LOAD_GLOBAL {
        fields.sort_by_key(|&(name, _)| LOAD_GLOBAL_ORDER.iter().position(|&n| n == name));
    }
    fields
}

/// Appends the listing of `code` alone (`dis.disassemble(co)`); nested code objects print
/// through `code_repr`.
pub fn disassemble(
    out: &mut String,
    code: &CodeObject,
    options: &DisOptions,
    code_repr: &dyn Fn(&mut String, &CodeObject),
) -> Result<(), DisError> {
    let starts = line_starts(code);
    let entries = exception_table::parse(&code.exceptiontable);
    let positions: Vec<Location> =
        line_table::positions(&code.linetable, code.firstlineno).collect();
    let instructions = unpack(&code.code);
    let labels = Labels::new(&instructions, &entries);
    let code_bytes = 2 * code.code.len() as i64;
    let layout = Layout {
        lineno_width: if options.show_positions {
            positions_width(&positions)
        } else {
            lineno_width(&starts)
        },
        label_width: 4 + labels.len().to_string().len(),
        offset_width: if options.show_offsets {
            (code_bytes - 2).max(9999).to_string().len()
        } else {
            0
        },
        show_positions: options.show_positions,
    };
    let resolver = ArgResolver {
        code,
        labels: &labels,
        code_repr,
    };
    let mut next_start = starts.iter().peekable();
    let mut argrepr = String::new();
    for instr in &instructions {
        // `findlinestarts` offsets that fall inside caches are never printed, as in dis.
        while next_start
            .next_if(|&&(offset, _)| offset < instr.offset)
            .is_some()
        {}
        let starts_line = next_start
            .next_if(|&&(offset, _)| offset == instr.offset)
            .map(|&(_, line)| line);
        let position = positions
            .get(instr.offset as usize / 2)
            .copied()
            .unwrap_or(Location::NONE);
        argrepr.clear();
        resolver.write_argrepr(&mut argrepr, instr)?;
        let name = instr.name();
        layout.write_row(
            out,
            &Row {
                offset: instr.offset,
                starts_line,
                label: labels.at(i64::from(instr.offset)),
                name: &name,
                arg: instr.arg,
                argrepr: &argrepr,
                position,
            },
        );
        if options.show_caches {
            layout.write_caches(out, code, instr, position);
        }
    }
    if !entries.is_empty() {
        out.push_str("ExceptionTable:\n");
        for e in &entries {
            let label = |unit: u32| labels.at(2 * i64::from(unit)).unwrap_or(0);
            let lasti = if e.lasti { " lasti" } else { "" };
            let _ = writeln!(
                out,
                "  L{} to L{} -> L{} [{}]{lasti}",
                label(e.start),
                label(e.end),
                label(e.target),
                e.depth
            );
        }
    }
    Ok(())
}
