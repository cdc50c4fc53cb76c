//! PEP 659 specialization policy for rpy (which specialized form to write, cache contents,
//! backoff, statistics). Empty until the specializer issue lands: the VM runs unspecialized.

#![warn(missing_docs)]
