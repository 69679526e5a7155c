package dev.dkimagent.rules.model;

/** The kinds of DKIM record dkim-agent expects: an Easy-DKIM style CNAME, or a TXT with the key. */
public enum RecordType { CNAME, TXT }
