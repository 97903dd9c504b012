//! Decoding JSON answers into the `arrangeer-shared` types, small.
//!
//! `serde_json::from_str::<T>` compiles serde_json's parser into every answer type's visitor
//! (a copy of the parsing loops per struct: ~350 KB of the WASM). Here the text is parsed once,
//! by one non-generic call, into a [`Value`] tree, and the types are read from that tree by a
//! deserializer whose methods are one branch and one call each: per type only the derived
//! visitors remain, and the code that reads a field's type is shared by every struct that has
//! such a field. The messages of its errors are terse: the app only says that the answer was
//! not what the API promises (`ClientError::Network`).

use std::fmt;

use serde::de::value::BorrowedStrDeserializer;
use serde::de::{self, DeserializeOwned, DeserializeSeed, Visitor};
use serde_json::{Number, Value};

/// Why an answer could not be decoded.
#[derive(Debug)]
pub struct Error(String);

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for Error {}

impl de::Error for Error {
    fn custom<T: fmt::Display>(msg: T) -> Self {
        Error(msg.to_string())
    }

    // without the value found: writing serde's `Unexpected` would bring float formatting in
    fn invalid_type(_found: de::Unexpected<'_>, expected: &dyn de::Expected) -> Self {
        Error(format!("invalid type: expected {expected}"))
    }

    fn invalid_value(_found: de::Unexpected<'_>, expected: &dyn de::Expected) -> Self {
        Error(format!("invalid value: expected {expected}"))
    }
}

/// The value of type `T` that `text` holds.
pub fn from_str<T: DeserializeOwned>(text: &str) -> Result<T, Error> {
    T::deserialize(Json(&parse(text)?))
}

/// The one instance of serde_json's parser in the app.
#[inline(never)]
fn parse(text: &str) -> Result<Value, Error> {
    serde_json::from_str(text).map_err(|e| Error(e.to_string()))
}

/// Not the kind of value the type wants (the same message for every type: not generic).
#[cold]
#[inline(never)]
fn mismatch(wanted: &'static str) -> Error {
    Error(format!("invalid type: expected {wanted}"))
}

/// A deserializer over one node of the tree.
#[derive(Clone, Copy)]
struct Json<'de>(&'de Value);

static NULL: Value = Value::Null;

impl<'de> Json<'de> {
    fn number<V: Visitor<'de>>(n: &Number, visitor: V) -> Result<V::Value, Error> {
        if let Some(u) = n.as_u64() {
            visitor.visit_u64(u)
        } else if let Some(i) = n.as_i64() {
            visitor.visit_i64(i)
        } else {
            visitor.visit_f64(n.as_f64().unwrap_or(f64::NAN))
        }
    }

    /// Never `visit_f64` on an integer's visitor: its refusal would format the float, and
    /// that would bring float formatting into the WASM.
    fn integer<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        match self.0 {
            Value::Number(n) => match (n.as_u64(), n.as_i64()) {
                (Some(u), _) => visitor.visit_u64(u),
                (_, Some(i)) => visitor.visit_i64(i),
                _ => Err(mismatch("an integer")),
            },
            _ => Err(mismatch("an integer")),
        }
    }

    fn float<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        match self.0 {
            Value::Number(n) => visitor.visit_f64(n.as_f64().unwrap_or(f64::NAN)),
            _ => Err(mismatch("a number")),
        }
    }

    fn seq<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        match self.0 {
            Value::Array(items) => visitor.visit_seq(Seq(items.iter())),
            _ => Err(mismatch("an array")),
        }
    }

    fn map<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        match self.0 {
            Value::Object(map) => visitor.visit_map(Obj { iter: map.iter(), value: None }),
            _ => Err(mismatch("an object")),
        }
    }

    fn str<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        match self.0 {
            Value::String(s) => visitor.visit_borrowed_str(s),
            _ => Err(mismatch("a string")),
        }
    }
}

macro_rules! integers {
    ($($method:ident)*) => {
        $(fn $method<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
            self.integer(visitor)
        })*
    };
}

impl<'de> de::Deserializer<'de> for Json<'de> {
    type Error = Error;

    fn deserialize_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        match self.0 {
            Value::Null => visitor.visit_unit(),
            Value::Bool(b) => visitor.visit_bool(*b),
            Value::Number(n) => Self::number(n, visitor),
            Value::String(s) => visitor.visit_borrowed_str(s),
            Value::Array(items) => visitor.visit_seq(Seq(items.iter())),
            Value::Object(map) => visitor.visit_map(Obj { iter: map.iter(), value: None }),
        }
    }

    fn deserialize_bool<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        match self.0 {
            Value::Bool(b) => visitor.visit_bool(*b),
            _ => Err(mismatch("a boolean")),
        }
    }

    integers! {
        deserialize_i8 deserialize_i16 deserialize_i32 deserialize_i64
        deserialize_u8 deserialize_u16 deserialize_u32 deserialize_u64
    }

    fn deserialize_f32<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        self.float(visitor)
    }

    fn deserialize_f64<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        self.float(visitor)
    }

    fn deserialize_char<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        self.str(visitor)
    }

    fn deserialize_str<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        self.str(visitor)
    }

    fn deserialize_string<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        self.str(visitor)
    }

    fn deserialize_bytes<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        self.deserialize_any(visitor)
    }

    fn deserialize_byte_buf<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        self.deserialize_any(visitor)
    }

    fn deserialize_option<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        match self.0 {
            Value::Null => visitor.visit_none(),
            _ => visitor.visit_some(self),
        }
    }

    fn deserialize_unit<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        match self.0 {
            Value::Null => visitor.visit_unit(),
            _ => Err(mismatch("null")),
        }
    }

    fn deserialize_unit_struct<V: Visitor<'de>>(
        self,
        _name: &'static str,
        visitor: V,
    ) -> Result<V::Value, Error> {
        self.deserialize_unit(visitor)
    }

    fn deserialize_newtype_struct<V: Visitor<'de>>(
        self,
        _name: &'static str,
        visitor: V,
    ) -> Result<V::Value, Error> {
        visitor.visit_newtype_struct(self)
    }

    fn deserialize_seq<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        self.seq(visitor)
    }

    fn deserialize_tuple<V: Visitor<'de>>(self, _len: usize, visitor: V) -> Result<V::Value, Error> {
        self.seq(visitor)
    }

    fn deserialize_tuple_struct<V: Visitor<'de>>(
        self,
        _name: &'static str,
        _len: usize,
        visitor: V,
    ) -> Result<V::Value, Error> {
        self.seq(visitor)
    }

    fn deserialize_map<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        self.map(visitor)
    }

    fn deserialize_struct<V: Visitor<'de>>(
        self,
        _name: &'static str,
        _fields: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, Error> {
        self.map(visitor)
    }

    fn deserialize_enum<V: Visitor<'de>>(
        self,
        _name: &'static str,
        _variants: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, Error> {
        match self.0 {
            // a unit variant: "name"
            Value::String(name) => visitor.visit_enum(Variant { name, value: None }),
            // any other variant: {"name": value}
            Value::Object(map) if map.len() == 1 => match map.iter().next() {
                Some((name, value)) => visitor.visit_enum(Variant { name, value: Some(value) }),
                None => Err(mismatch("an enum")),
            },
            _ => Err(mismatch("an enum")),
        }
    }

    fn deserialize_identifier<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        self.str(visitor)
    }

    fn deserialize_ignored_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        visitor.visit_unit()
    }
}

/// The elements of an array.
struct Seq<'de>(std::slice::Iter<'de, Value>);

impl<'de> de::SeqAccess<'de> for Seq<'de> {
    type Error = Error;

    fn next_element_seed<T: DeserializeSeed<'de>>(&mut self, seed: T) -> Result<Option<T::Value>, Error> {
        match self.0.next() {
            Some(value) => seed.deserialize(Json(value)).map(Some),
            None => Ok(None),
        }
    }

    fn size_hint(&self) -> Option<usize> {
        Some(self.0.len())
    }
}

/// The members of an object.
struct Obj<'de> {
    iter: serde_json::map::Iter<'de>,
    value: Option<&'de Value>,
}

impl<'de> de::MapAccess<'de> for Obj<'de> {
    type Error = Error;

    fn next_key_seed<K: DeserializeSeed<'de>>(&mut self, seed: K) -> Result<Option<K::Value>, Error> {
        match self.iter.next() {
            Some((key, value)) => {
                self.value = Some(value);
                seed.deserialize(Key(key)).map(Some)
            }
            None => Ok(None),
        }
    }

    fn next_value_seed<T: DeserializeSeed<'de>>(&mut self, seed: T) -> Result<T::Value, Error> {
        seed.deserialize(Json(self.value.take().unwrap_or(&NULL)))
    }

    fn size_hint(&self) -> Option<usize> {
        Some(self.iter.len())
    }
}

/// An object's key: a field name, an enum's name, or a number written as a string.
struct Key<'de>(&'de str);

impl<'de> de::Deserializer<'de> for Key<'de> {
    type Error = Error;

    fn deserialize_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        visitor.visit_borrowed_str(self.0)
    }

    fn deserialize_enum<V: Visitor<'de>>(
        self,
        _name: &'static str,
        _variants: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, Error> {
        visitor.visit_enum(Variant { name: self.0, value: None })
    }

    fn deserialize_newtype_struct<V: Visitor<'de>>(
        self,
        _name: &'static str,
        visitor: V,
    ) -> Result<V::Value, Error> {
        visitor.visit_newtype_struct(self)
    }

    serde::forward_to_deserialize_any! {
        bool i8 i16 i32 i64 i128 u8 u16 u32 u64 u128 f32 f64 char str string
        bytes byte_buf option unit unit_struct seq tuple
        tuple_struct map struct identifier ignored_any
    }
}

/// An enum's variant: its name and, but for a unit variant, its value.
struct Variant<'de> {
    name: &'de str,
    value: Option<&'de Value>,
}

impl<'de> de::EnumAccess<'de> for Variant<'de> {
    type Error = Error;
    type Variant = Self;

    fn variant_seed<V: DeserializeSeed<'de>>(self, seed: V) -> Result<(V::Value, Self), Error> {
        let name: BorrowedStrDeserializer<'de, Error> = BorrowedStrDeserializer::new(self.name);
        seed.deserialize(name).map(|v| (v, self))
    }
}

impl<'de> de::VariantAccess<'de> for Variant<'de> {
    type Error = Error;

    fn unit_variant(self) -> Result<(), Error> {
        match self.value {
            None | Some(Value::Null) => Ok(()),
            Some(_) => Err(mismatch("a unit variant")),
        }
    }

    fn newtype_variant_seed<T: DeserializeSeed<'de>>(self, seed: T) -> Result<T::Value, Error> {
        seed.deserialize(Json(self.value.unwrap_or(&NULL)))
    }

    fn tuple_variant<V: Visitor<'de>>(self, _len: usize, visitor: V) -> Result<V::Value, Error> {
        Json(self.value.unwrap_or(&NULL)).seq(visitor)
    }

    fn struct_variant<V: Visitor<'de>>(
        self,
        _fields: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, Error> {
        Json(self.value.unwrap_or(&NULL)).map(visitor)
    }
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeMap;

    use arrangeer_shared::api::payments::PaymentsResponse;
    use arrangeer_shared::api::problem::Problem;
    use arrangeer_shared::money::PaymentScheme;
    use arrangeer_shared::workflow::Status;

    use super::from_str;

    /// What serde_json reads from `text`, read by [`from_str`] too.
    fn same<T: serde::de::DeserializeOwned + PartialEq + std::fmt::Debug>(text: &str) {
        let theirs: T = serde_json::from_str(text).unwrap();
        let ours: T = from_str(text).unwrap();
        assert_eq!(ours, theirs);
    }

    #[test]
    fn reads_tagged_and_unit_enums_flattened_fields_maps_options_and_numbers() {
        same::<Vec<PaymentScheme>>(
            r#"[{"scheme":"per_calendar_year"},{"scheme":"advance_and_settlement","advancePercent":75}]"#,
        );
        same::<Vec<Status>>(r#"["draft","in_execution"]"#);
        same::<BTreeMap<String, Option<i64>>>(r#"{"a":-3,"b":null}"#);
        same::<(u8, f64, bool)>("[7, 2.5, true]");
        same::<PaymentsResponse>(
            r#"{"year":2026,"boards":[{"schoolBoardId":"7a1c1d4e-2b1f-4f6e-9a3b-0c2d4e6f8a9b",
            "boardNumber":"41234","name":"B","arrangements":2,"grantedCents":100,
            "paidAtGrantCents":75,"afterAccountabilityCents":25,"settlementCents":0,"totalCents":100}],
            "total":{"grantedCents":100,"paidAtGrantCents":75,"afterAccountabilityCents":25,
            "settlementCents":0,"totalCents":100}}"#,
        );
    }

    #[test]
    fn refuses_what_serde_json_refuses() {
        assert!(from_str::<u8>("300").is_err());
        assert!(from_str::<u32>("1.5").is_err());
        assert!(from_str::<String>("1").is_err());
        assert!(from_str::<Status>(r#""no_such_status""#).is_err());
        assert!(from_str::<Vec<u8>>("[1,").is_err());
    }

    #[test]
    fn reads_what_serde_json_reads() {
        let text = r#"{"type":"urn:x","title":"T","status":422,"detail":"d",
            "errors":[{"field":"a","code":"c","message":"m"}]}"#;
        let ours: Problem = from_str(text).unwrap();
        let theirs: Problem = serde_json::from_str(text).unwrap();
        assert_eq!(ours, theirs);
    }
}
