/*
 * The SCIM filter and path language: RFC 7644 §3.4.2.2 (filter ABNF, Figure 1) and §3.5.2 (PATCH PATH).
 *
 * Three entry rules share one lexer and one set of expression rules:
 *   filterEntry    - the "filter" query parameter / .search body member, where a value path may
 *                    end in a sub-attribute test (attr[valFilter].subAttr op value, as PATH allows)
 *   patchPathEntry - PATH = attrPath / valuePath [subAttr]
 *   attrPathEntry  - attrPath alone ("sortBy", "attributes", ...)
 *
 * Precedence follows the RFC: grouping and value paths bind tightest, then "not", then "and", then "or";
 * "and" and "or" associate to the left. The loops (instead of left recursion) keep the parser's stack
 * depth proportional to the nesting of '(' '[' and 'not' only, which the caller bounds before parsing.
 *
 * The labels (filter=, terms+=, path=, ...) name what the AST builder reads, so that it can work from the
 * rule contexts' fields with parse-tree building switched off (no child lists to build and search).
 *
 * Operators and keywords are case-insensitive (RFC 7644 §3.4.2.2). Keywords are also valid attribute
 * names ("pr pr", "not eq pr"): the parser, not the lexer, decides which role a keyword plays.
 */
grammar Scim;

options { caseInsensitive = true; }

// ---------------------------------------------------------------- entry rules

filterEntry    : filter=orExpr EOF ;
patchPathEntry : path=patchPath EOF ;
attrPathEntry  : path=attrPath EOF ;

// ---------------------------------------------------------------- filters

orExpr  : terms+=andExpr (OR terms+=andExpr)* ;
andExpr : factors+=unary (AND factors+=unary)* ;

// RFC ABNF writes not "(" FILTER ")"; "not attrExp" without parentheses is accepted too, as most
// clients and servers do, with "not" binding tighter than "and".
unary
    : NOT inner=unary                              # notExpr
    | atom=primary                                 # primaryExpr
    ;

// The three attribute forms share their attrPath prefix, so a mistake after the path is reported at
// the token that follows it, with '[', 'pr' and the comparison operators as the expected tokens.
//
// A value path may be followed by one of its sub-attributes and a test of it, as PATCH paths may
// (PATH = valuePath [subAttr]): emails[type eq "work"].value eq "ann@contoso.com", which Entra ID sends
// for a matching attribute. It means that ONE value satisfies both the value filter and the test, so
// the AST builder reads it as the value path emails[type eq "work" and value eq "ann@contoso.com"].
primary
    : LPAREN inner=orExpr RPAREN                   # groupExpr
    | path=attrPath
        ( LBRACKET valueFilter=orExpr RBRACKET     // valuePath
            ( DOT valueSub=attrName                // valuePath subAttr
                ( present=PR | op=compareOp value=compValue ) )?
        | present=PR                               // present
        | op=compareOp value=compValue             // comparison
        )                                          # attrExpr
    ;

compareOp : EQ | NE | CO | SW | EW | GT | GE | LT | LE ;

compValue : STRING | NUMBER | TRUE | FALSE | NULL ;

// ---------------------------------------------------------------- paths

// attrPath = [URI ":"] ATTRNAME *1subAttr ; URN_PREFIX carries the URI and its final ':'.
attrPath : urn=URN_PREFIX? name=attrName (DOT sub=attrName)? ;

// PATH = attrPath / valuePath [subAttr]
patchPath : path=attrPath (LBRACKET valueFilter=orExpr RBRACKET (DOT sub=attrName)?)? ;

attrName
    : NAME | REF
    | EQ | NE | CO | SW | EW | GT | GE | LT | LE | PR
    | AND | OR | NOT | TRUE | FALSE | NULL
    ;

// ---------------------------------------------------------------- lexer

LPAREN   : '(' ;
RPAREN   : ')' ;
LBRACKET : '[' ;
RBRACKET : ']' ;
DOT      : '.' ;

EQ : 'eq' ;
NE : 'ne' ;
CO : 'co' ;
SW : 'sw' ;
EW : 'ew' ;
GT : 'gt' ;
GE : 'ge' ;
LT : 'lt' ;
LE : 'le' ;
PR : 'pr' ;

AND : 'and' ;
OR  : 'or' ;
NOT : 'not' ;

TRUE  : 'true' ;
FALSE : 'false' ;
NULL  : 'null' ;

// A schema URN up to and including the colon before the attribute name. The lexer takes the longest
// match that ends in ':', so in "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:manager.value"
// it stops after "User:" and "manager" becomes the attribute name.
URN_PREFIX : 'urn:' URN_CHAR* ':' ;

// $ref is the one attribute name RFC 7643 allows outside ATTRNAME (RFC 7643 §2.1, §7).
REF : '$ref' ;

// ATTRNAME = ALPHA *(nameChar) ; nameChar = "-" / "_" / DIGIT / ALPHA
NAME : [a-z] [a-z0-9_-]* ;

// JSON number (RFC 8259 §6).
NUMBER : '-'? INT FRACTION? EXPONENT? ;

// JSON string (RFC 8259 §7). Case-sensitive so that only "\u" (not "\U") starts a unicode escape.
STRING
    options { caseInsensitive = false; }
    : '"' (ESCAPE | ~["\\\u0000-\u001F])* '"'
    ;

WS : [ \t\r\n]+ -> skip ;

// Anything else becomes a token of its own, so every malformed input is reported by the parser with
// its position and the tokens it expected, and the lexer never has to recover.
INVALID : . ;

fragment URN_CHAR : [a-z0-9._:+%~/@!$&*,;=-] ;
fragment INT      : '0' | [1-9] [0-9]* ;
fragment FRACTION : '.' [0-9]+ ;
fragment EXPONENT : 'e' [+-]? [0-9]+ ;
fragment ESCAPE
    options { caseInsensitive = false; }
    : '\\' (["\\/bfnrt] | 'u' HEX HEX HEX HEX)
    ;
fragment HEX : [0-9a-fA-F] ;
