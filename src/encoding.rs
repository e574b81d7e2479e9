//! Bytes to text: the character encoding of a file (BOM, `<meta charset>`,
//! HTTP-equiv), for the CLI and anything else that reads bytes.
