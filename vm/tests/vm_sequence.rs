//! Several VMs run one after another on one thread (as embedders and the bench harness do):
//! what the first leaves behind (uncollected cycles with finalizers, open files) must not
//! reach the second's cycle collections or attribute caches.

use std::io::Write;

use vm::embed::{Capture, run_file};
use vm::runtime::Config;

fn run(source: &str) -> (u8, String, String) {
    let mut f = std::env::temp_dir();
    f.push(format!("vm_sequence_{}.py", std::process::id()));
    std::fs::File::create(&f)
        .and_then(|mut h| h.write_all(source.as_bytes()))
        .expect("write script");
    let out = run_file(&f, Config::default(), Capture::Output);
    let _ = std::fs::remove_file(&f);
    (
        out.status,
        out.stdout.unwrap_or_default(),
        out.stderr.unwrap_or_default(),
    )
}

#[test]
fn leftovers_of_one_vm_do_not_reach_the_next() {
    // The first VM leaves cycles with finalizers uncollected (collection disabled) and
    // open and closed files of both buffered kinds.
    let first = r#"
import gc
gc.disable()
class Node:
    def __del__(self):
        print("finalized in the wrong VM")
for _ in range(3000):
    a = Node(); b = Node(); a.other = b; b.other = a
r = open(__file__, 'rb'); r.read(1)
"#;
    let (status, _, err) = run(first);
    assert_eq!(status, 0, "{err}");
    let second = r#"
import gc
for i in range(3):
    with open(__file__, 'rb') as f:
        f.read(1)
    print(f.closed, gc.collect() >= 0)
"#;
    let (status, out, err) = run(second);
    assert_eq!(status, 0, "{err}");
    assert_eq!(out, "True True\n".repeat(3));
}
